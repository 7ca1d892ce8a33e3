import { afterEach, describe, expect, it, vi } from 'vitest'
import { whenIdle } from './when-idle'

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('whenIdle', () => {
  it('waits for the browser to be idle, no longer than the timeout it is given', () => {
    const asked: Array<{ timeout?: number }> = []
    vi.stubGlobal('requestIdleCallback', (run: () => void, options: { timeout?: number }) => {
      asked.push(options)
      run()
      return 1
    })
    const run = vi.fn()
    whenIdle(run, 1000)
    expect(run).toHaveBeenCalledOnce()
    expect(asked).toEqual([{ timeout: 1000 }])
  })

  it('runs after a short timer where there is no idle callback (Safari), and not once cancelled', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    vi.stubGlobal('requestIdleCallback', undefined)
    const run = vi.fn()
    whenIdle(run, 4000)
    vi.advanceTimersByTime(199)
    expect(run).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(run).toHaveBeenCalledOnce()

    const cancelled = vi.fn()
    whenIdle(cancelled, 4000)()
    vi.advanceTimersByTime(5000)
    expect(cancelled).not.toHaveBeenCalled()
  })
})
