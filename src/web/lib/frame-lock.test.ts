import { afterEach, describe, expect, it, vi } from 'vitest'
import { correctionFor, everyFrame } from './frame-lock'

const FRAME = 1 / 24

describe('keeping a follower on the clock’s frame', () => {
  it('leaves a follower within half a frame alone', () => {
    expect(correctionFor(0.4 * FRAME, FRAME, 1, false)).toEqual({ kind: 'none' })
    expect(correctionFor(-0.4 * FRAME, FRAME, 1, false)).toEqual({ kind: 'none' })
  })

  it('slows a follower ahead and speeds one behind, by at most a tenth, relative to the speed played', () => {
    const ahead = correctionFor(FRAME, FRAME, 1, false)
    const behind = correctionFor(-FRAME, FRAME, 2, false)
    expect(ahead.kind === 'rate' && ahead.rate).toBeLessThan(1)
    expect(ahead.kind === 'rate' && ahead.rate).toBeGreaterThanOrEqual(0.9)
    expect(behind.kind === 'rate' && behind.rate).toBeGreaterThan(2)
    expect(behind.kind === 'rate' && behind.rate).toBeLessThanOrEqual(2.2)
  })

  it('keeps nudging until the follower is within a quarter frame, so it does not flap at the edge', () => {
    expect(correctionFor(0.4 * FRAME, FRAME, 1, true).kind).toBe('rate')
    expect(correctionFor(0.2 * FRAME, FRAME, 1, true)).toEqual({ kind: 'none' })
  })

  it('seeks a follower that is many frames off, where a nudge would take seconds', () => {
    expect(correctionFor(10 * FRAME, FRAME, 1, false)).toEqual({ kind: 'seek' })
    expect(correctionFor(-10 * FRAME, FRAME, 1, true)).toEqual({ kind: 'seek' })
  })
})

describe('hearing of each frame a video presents', () => {
  afterEach(() => {
    delete (HTMLVideoElement.prototype as Partial<HTMLVideoElement>).requestVideoFrameCallback
    vi.unstubAllGlobals()
  })

  it('takes the media time of each presented frame from requestVideoFrameCallback, until stopped', () => {
    const pending = new Map<number, VideoFrameRequestCallback>()
    let next = 0
    Object.assign(HTMLVideoElement.prototype, {
      requestVideoFrameCallback(callback: VideoFrameRequestCallback) {
        pending.set(++next, callback)
        return next
      },
      cancelVideoFrameCallback(handle: number) {
        pending.delete(handle)
      },
    })
    const present = (mediaTime: number) => {
      const callbacks = [...pending.values()]
      pending.clear()
      for (const callback of callbacks) callback(0, { mediaTime } as VideoFrameCallbackMetadata)
    }
    const video = document.createElement('video')
    video.currentTime = 3 // not what is on screen: the callback's media time is
    const heard: number[] = []
    const stop = everyFrame(video, (mediaTime) => heard.push(mediaTime))
    present(1 / 24)
    present(2 / 24)
    stop()
    present(3 / 24)
    expect(heard).toEqual([1 / 24, 2 / 24])
  })

  it('falls back to the current time at every animation frame where the browser lacks it', () => {
    const pending = new Map<number, FrameRequestCallback>()
    let next = 0
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
      pending.set(++next, callback)
      return next
    })
    vi.stubGlobal('cancelAnimationFrame', (handle: number) => pending.delete(handle))
    const paint = () => {
      const callbacks = [...pending.values()]
      pending.clear()
      for (const callback of callbacks) callback(0)
    }
    const video = document.createElement('video')
    const heard: number[] = []
    const stop = everyFrame(video, (mediaTime) => heard.push(mediaTime))
    video.currentTime = 0.5
    paint()
    video.currentTime = 0.75
    paint()
    stop()
    paint()
    expect(heard).toEqual([0.5, 0.75])
  })
})
