import { useCallback, useEffect, useRef, useState } from 'react'
import { everyFrame, keepInStep } from './frame-lock'

export const PLAYBACK_RATES = [0.25, 0.5, 1, 1.5, 2, 4] as const
/** Sora's and the simulator's frame rate: assumed until a playing clip shows its own. */
export const DEFAULT_FPS = 24
/** The speeds L (and J, backwards) step through, as on an editor's shuttle. */
const SHUTTLE_SPEEDS = [1, 2, 4] as const
const COMMON_FPS = [23.976, 24, 25, 29.97, 30, 48, 50, 59.94, 60]

export interface VideoSync {
  /** Ref callback for the video at `index`. */
  register: (index: number) => (video: HTMLVideoElement | null) => () => void
  playing: boolean
  currentTime: number
  duration: number
  loop: boolean
  rate: number
  /** Playing backwards (J), at `rate`; browsers cannot, so the clock is stepped back each frame. */
  reverse: boolean
  /** Frames per second of the clip, for timecode and frame steps. */
  fps: number
  muted: boolean
  toggle: () => void
  /** L (+1) or J (−1): start that way at 1×, or go faster each press the same way (1×, 2×, 4×). */
  shuttle: (direction: 1 | -1) => void
  /** One frame forward (+1) or back (−1), paused. */
  stepFrame: (direction: 1 | -1) => void
  pause: () => void
  seek: (seconds: number) => void
  seekBy: (delta: number) => void
  setLoop: (loop: boolean) => void
  setRate: (rate: number) => void
  setMuted: (muted: boolean) => void
}

function play(video: HTMLVideoElement): void {
  // A play() cut short by a pause() rejects; that is expected, not an error.
  video.play().catch(() => undefined)
}

/** A measured rate snapped to the common one it is nearest, so timecode does not drift by noise. */
function snapFps(measured: number): number {
  return COMMON_FPS.reduce((best, fps) => (Math.abs(fps - measured) < Math.abs(best - measured) ? fps : best))
}

/**
 * The clip's own frame rate, from the media times of the frames it presents while playing forward:
 * the shortest step over a dozen frames (a dropped frame only makes a step longer). Returns the
 * rate once, when it has enough frames, and null before and after.
 */
function frameRateMeter(): (mediaTime: number) => number | null {
  let previous: number | null = null
  let shortest = Infinity
  let samples = 0
  return (mediaTime) => {
    const step = previous === null ? 0 : mediaTime - previous
    previous = mediaTime
    if (samples >= 12 || step <= 0.001) return null
    shortest = Math.min(shortest, step)
    samples += 1
    return samples === 12 ? 1 / shortest : null
  }
}

function present(videos: (HTMLVideoElement | null)[]): HTMLVideoElement[] {
  return videos.filter((v): v is HTMLVideoElement => v !== null)
}

/** The take the others follow: the longest, so the shorter ones can hold their last frame. */
function longest(videos: (HTMLVideoElement | null)[]): HTMLVideoElement | undefined {
  return present(videos).reduce<HTMLVideoElement | undefined>(
    (best, v) => (!best || (v.duration || 0) > (best.duration || 0) ? v : best),
    undefined,
  )
}

/**
 * One transport for one or more <video>s: play, pause, seek, speed, mute and loop act on all of
 * them, and the longest take is the clock the others follow, so they stay on the same frame.
 * A shorter take holds its last frame while the longer ones play on.
 */
export function useVideoSync(): VideoSync {
  const videos = useRef<(HTMLVideoElement | null)[]>([])
  const [playing, setPlaying] = useState(false)
  const [currentTime, setShownTime] = useState(0)
  // The clock's position, for a video that joins late (a comparison switching its layout).
  const position = useRef(0)
  const setCurrentTime = useCallback((t: number) => {
    position.current = t
    setShownTime(t)
  }, [])
  // Changes whenever a video joins or leaves, so the per-frame work picks up the new elements.
  const [members, setMembers] = useState(0)
  const [duration, setDuration] = useState(0)
  const [loop, setLoop] = useState(false)
  const [rate, setRateState] = useState(1)
  const [reverse, setReverse] = useState(false)
  const [fps, setFps] = useState(DEFAULT_FPS)
  const [muted, setMutedState] = useState(false)
  const loopRef = useRef(loop)
  useEffect(() => {
    loopRef.current = loop
  }, [loop])
  // Read by the per-frame work and by newly registered videos, without restarting either.
  const settings = useRef({ rate, muted, fps })
  useEffect(() => {
    settings.current = { rate, muted, fps }
  }, [rate, muted, fps])

  const seek = useCallback((seconds: number) => {
    const master = longest(videos.current)
    const t = Math.max(0, Math.min(seconds, master?.duration || seconds))
    for (const v of present(videos.current)) v.currentTime = Math.min(t, v.duration || t)
    setCurrentTime(t)
  }, [setCurrentTime])

  /** Stops every take on the clock's frame. */
  const pause = useCallback(() => {
    for (const v of present(videos.current)) v.pause()
    const master = longest(videos.current)
    if (master) seek(master.currentTime)
    setPlaying(false)
    setReverse(false)
  }, [seek])

  /** Relative to where the clock really is, not to the last frame the seek bar drew. */
  const seekBy = useCallback(
    (delta: number) => seek((longest(videos.current)?.currentTime ?? 0) + delta),
    [seek],
  )

  const setRate = useCallback((next: number) => {
    for (const v of present(videos.current)) v.playbackRate = next
    setRateState(next)
  }, [])

  const playForward = useCallback(() => {
    const master = longest(videos.current)
    if (!master) return
    if (master.ended || master.currentTime >= master.duration) seek(0)
    for (const v of present(videos.current)) if (v.currentTime < (v.duration || Infinity)) play(v)
    setReverse(false)
    setPlaying(true)
  }, [seek])

  const toggle = useCallback(() => {
    const master = longest(videos.current)
    if (!master) return
    if (playing || !master.paused) return pause()
    playForward()
  }, [pause, playForward, playing])

  const shuttle = useCallback(
    (direction: 1 | -1) => {
      const master = longest(videos.current)
      if (!master) return
      const sameWay = playing && reverse === (direction === -1)
      const index = sameWay ? SHUTTLE_SPEEDS.findIndex((speed) => speed >= rate) + 1 : 0
      setRate(SHUTTLE_SPEEDS[Math.min(index, SHUTTLE_SPEEDS.length - 1)] ?? 1)
      if (direction === 1) return playForward()
      for (const v of present(videos.current)) v.pause()
      setReverse(true)
      setPlaying(true)
    },
    [playForward, playing, rate, reverse, setRate],
  )

  const stepFrame = useCallback(
    (direction: 1 | -1) => {
      pause()
      // To the middle of the next frame, counted from the frame under the clock: steps do not
      // pile up float error (36 steps land on frame 36, not a hair short of it), and a seek to a
      // frame's middle cannot be decoded as the frame before.
      const t = longest(videos.current)?.currentTime ?? 0
      seek((Math.floor(t * fps + 1e-3) + direction + 0.5) / fps)
    },
    [fps, pause, seek],
  )

  // Backwards: no browser plays a video in reverse, so the clock steps back every frame.
  useEffect(() => {
    if (!playing || !reverse) return
    let last = performance.now()
    let frame = requestAnimationFrame(function tick(now) {
      const master = longest(videos.current)
      const t = (master?.currentTime ?? 0) - ((now - last) / 1000) * rate
      last = now
      seek(Math.max(0, t))
      if (t <= 0) {
        setPlaying(false)
        setReverse(false)
        return
      }
      frame = requestAnimationFrame(tick)
    })
    return () => cancelAnimationFrame(frame)
  }, [playing, reverse, rate, seek])

  // While playing forward: on each frame the clock presents, the seek bar follows it, the clip's
  // frame rate is measured, and every other take is kept on the clock's frame (src/web/lib/frame-lock.ts).
  useEffect(() => {
    const master = longest(videos.current)
    if (!playing || reverse || !master) return
    const followers = present(videos.current).filter((v) => v !== master)
    // A video that joined while playing (a new layout) starts where the clock is.
    for (const v of present(videos.current)) if (v.paused && v.currentTime < (v.duration || Infinity)) play(v)
    const meter = frameRateMeter()
    const stop = everyFrame(master, (mediaTime) => {
      setCurrentTime(mediaTime)
      const measured = meter(mediaTime)
      if (measured) setFps(snapFps(measured))
      const clock = master.currentTime
      const { rate: wanted } = settings.current
      for (const v of followers) {
        if (clock >= v.duration) continue // a shorter take holds its last frame
        if (v.paused && !master.paused) play(v)
        keepInStep(v, clock, 1 / settings.current.fps, wanted)
      }
    })
    const ended = () => {
      if (!loopRef.current) return setPlaying(false)
      seek(0)
      for (const v of present(videos.current)) play(v)
    }
    master.addEventListener('ended', ended)
    return () => {
      stop()
      master.removeEventListener('ended', ended)
      for (const v of followers) v.playbackRate = settings.current.rate
    }
  }, [playing, reverse, seek, setCurrentTime, duration, members])

  // One stable ref callback per slot, so React does not detach and re-attach on every render.
  const refs = useRef(new Map<number, (video: HTMLVideoElement | null) => () => void>())
  const register = useCallback((index: number) => {
    let ref = refs.current.get(index)
    if (!ref) {
      ref = (video) => {
        videos.current[index] = video
        if (!video) return () => undefined
        video.playbackRate = settings.current.rate
        video.muted = settings.current.muted
        video.currentTime = position.current
        setMembers((count) => count + 1)
        const onMeta = () =>
          setDuration(Math.max(...present(videos.current).map((v) => v.duration || 0)))
        video.addEventListener('loadedmetadata', onMeta)
        if (video.readyState >= 1) onMeta()
        return () => {
          video.removeEventListener('loadedmetadata', onMeta)
          if (videos.current[index] === video) videos.current[index] = null
          setMembers((count) => count + 1)
        }
      }
      refs.current.set(index, ref)
    }
    return ref
  }, [])

  const setMuted = useCallback((next: boolean) => {
    for (const v of present(videos.current)) v.muted = next
    setMutedState(next)
  }, [])

  return {
    register,
    playing,
    currentTime,
    duration,
    loop,
    rate,
    reverse,
    fps,
    muted,
    toggle,
    shuttle,
    stepFrame,
    pause,
    seek,
    seekBy,
    setLoop,
    setRate,
    setMuted,
  }
}
