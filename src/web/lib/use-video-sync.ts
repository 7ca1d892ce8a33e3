import { useCallback, useEffect, useRef, useState } from 'react'

/** Further apart than this, a follower is put back on the clock while playing. */
const MAX_DRIFT_S = 0.05
export const PLAYBACK_RATES = [0.25, 0.5, 1, 1.5, 2] as const
export const FRAME_S = 1 / 24

export interface VideoSync {
  /** Ref callback for the video at `index`. */
  register: (index: number) => (video: HTMLVideoElement | null) => () => void
  playing: boolean
  currentTime: number
  duration: number
  loop: boolean
  rate: number
  muted: boolean
  toggle: () => void
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
  const [currentTime, setCurrentTime] = useState(0)
  const [duration, setDuration] = useState(0)
  const [loop, setLoop] = useState(false)
  const [rate, setRateState] = useState(1)
  const [muted, setMutedState] = useState(false)
  const loopRef = useRef(loop)
  useEffect(() => {
    loopRef.current = loop
  }, [loop])

  const seek = useCallback((seconds: number) => {
    const master = longest(videos.current)
    const t = Math.max(0, Math.min(seconds, master?.duration || seconds))
    for (const v of present(videos.current)) v.currentTime = Math.min(t, v.duration || t)
    setCurrentTime(t)
  }, [])

  /** Stops every take on the clock's frame. */
  const pause = useCallback(() => {
    for (const v of present(videos.current)) v.pause()
    const master = longest(videos.current)
    if (master) seek(master.currentTime)
    setPlaying(false)
  }, [seek])

  /** Relative to where the clock really is, not to the last frame the seek bar drew. */
  const seekBy = useCallback(
    (delta: number) => seek((longest(videos.current)?.currentTime ?? 0) + delta),
    [seek],
  )

  const toggle = useCallback(() => {
    const master = longest(videos.current)
    if (!master) return
    if (!master.paused) return pause()
    if (master.ended || master.currentTime >= master.duration) seek(0)
    for (const v of present(videos.current)) if (v.currentTime < (v.duration || Infinity)) play(v)
    setPlaying(true)
  }, [pause, seek])

  // While playing: the seek bar follows the clock each frame, and followers are kept on it.
  useEffect(() => {
    if (!playing) return
    let frame = requestAnimationFrame(function tick() {
      const master = longest(videos.current)
      if (master) {
        const t = master.currentTime
        setCurrentTime(t)
        for (const v of present(videos.current)) {
          if (v !== master && t < v.duration && Math.abs(v.currentTime - t) > MAX_DRIFT_S) {
            v.currentTime = t
          }
          if (v !== master && t < v.duration && v.paused && !master.paused) play(v)
        }
        if (master.ended) {
          if (loopRef.current) {
            seek(0)
            for (const v of present(videos.current)) play(v)
          } else {
            setPlaying(false)
          }
        }
      }
      frame = requestAnimationFrame(tick)
    })
    return () => cancelAnimationFrame(frame)
  }, [playing, seek])

  const settings = useRef({ rate, muted })
  useEffect(() => {
    settings.current = { rate, muted }
  }, [rate, muted])
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
        const onMeta = () =>
          setDuration(Math.max(...present(videos.current).map((v) => v.duration || 0)))
        video.addEventListener('loadedmetadata', onMeta)
        if (video.readyState >= 1) onMeta()
        return () => {
          video.removeEventListener('loadedmetadata', onMeta)
          if (videos.current[index] === video) videos.current[index] = null
        }
      }
      refs.current.set(index, ref)
    }
    return ref
  }, [])

  const setRate = useCallback((next: number) => {
    for (const v of present(videos.current)) v.playbackRate = next
    setRateState(next)
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
    muted,
    toggle,
    pause,
    seek,
    seekBy,
    setLoop,
    setRate,
    setMuted,
  }
}
