const pad = (n: number) => String(n).padStart(2, '0')

/**
 * 3.5 s at 24 fps → "00:00:03:12": hours, minutes, seconds and frames, non-drop-frame, counted at
 * the clip's nominal rate (23.976 counts 24 frames a second, as editors' timecode does).
 */
export function formatTimecode(seconds: number, fps: number): string {
  const nominal = Math.max(1, Math.round(fps))
  const safe = Math.max(0, Number.isFinite(seconds) ? seconds : 0)
  // A hair of tolerance: a seek to frame n lands a float a hair before it.
  const frames = Math.floor(safe * fps + 1e-6)
  const totalSeconds = Math.floor(frames / nominal)
  const hours = Math.floor(totalSeconds / 3600)
  const minutes = Math.floor(totalSeconds / 60) % 60
  return `${pad(hours)}:${pad(minutes)}:${pad(totalSeconds % 60)}:${pad(frames % nominal)}`
}
