/**
 * Keeping takes on the same frame while they play: the clock (the longest take) reports each frame
 * it presents, and every other take is corrected against it — a small speed nudge for a small
 * drift, a seek for a large one. Decoders start and run at slightly different speeds, so without
 * this two videos started together drift apart by frames within seconds.
 */

/** Past this many frames apart a nudge would take too long: the follower seeks to the clock. */
const SEEK_AFTER_FRAMES = 6
/** A nudge removes the drift over about this long, so it is never a visible change of speed. */
const CATCH_UP_S = 0.5
/** At most this fraction faster or slower than the clock, so sound stays natural. */
const MAX_NUDGE = 0.1

export type Correction = { kind: 'none' } | { kind: 'rate'; rate: number } | { kind: 'seek' }

/**
 * What to do with a follower `drift` seconds ahead of the clock (negative: behind), playing at
 * `rate` with frames `frame` seconds long. Past half a frame it is nudged until it is back within
 * a quarter (the gap between the two keeps it from flapping); far off, it seeks.
 */
export function correctionFor(
  drift: number,
  frame: number,
  rate: number,
  nudged: boolean,
): Correction {
  const off = Math.abs(drift)
  if (off > SEEK_AFTER_FRAMES * frame) return { kind: 'seek' }
  if (off > frame / 2 || (nudged && off > frame / 4)) {
    const nudge = Math.max(-MAX_NUDGE, Math.min(MAX_NUDGE, drift / CATCH_UP_S))
    return { kind: 'rate', rate: rate * (1 - nudge) }
  }
  return { kind: 'none' }
}

/** Puts `follower` back in step with the clock's position `clock` (seconds). */
export function keepInStep(
  follower: HTMLVideoElement,
  clock: number,
  frame: number,
  rate: number,
): void {
  const nudged = follower.playbackRate !== rate
  const correction = correctionFor(follower.currentTime - clock, frame, rate, nudged)
  if (correction.kind === 'seek') {
    follower.currentTime = clock
    follower.playbackRate = rate
  } else if (correction.kind === 'rate') {
    follower.playbackRate = correction.rate
  } else if (nudged) {
    follower.playbackRate = rate
  }
}

/**
 * Calls `onFrame` with the media time of each frame `video` presents: requestVideoFrameCallback
 * where the browser has it, else every animation frame with currentTime. Returns a stop function.
 */
export function everyFrame(
  video: HTMLVideoElement,
  onFrame: (mediaTime: number) => void,
): () => void {
  if (typeof HTMLVideoElement.prototype.requestVideoFrameCallback === 'function') {
    let handle = video.requestVideoFrameCallback(function presented(_now, meta) {
      onFrame(meta.mediaTime)
      handle = video.requestVideoFrameCallback(presented)
    })
    return () => video.cancelVideoFrameCallback(handle)
  }
  let handle = requestAnimationFrame(function tick() {
    onFrame(video.currentTime)
    handle = requestAnimationFrame(tick)
  })
  return () => cancelAnimationFrame(handle)
}
