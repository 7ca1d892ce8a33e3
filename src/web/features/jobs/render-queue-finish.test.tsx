import { useInfiniteQuery } from '@tanstack/react-query'
import { act } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { jobQueries } from '../../lib/job-queries'
import { makeJob, scriptedBff, type ScriptedJob } from '../../testing/job-script'
import { renderWithQuery } from '../../testing/render'
import { server } from '../../testing/server'
import { RenderQueue } from './render-queue'

const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms))

/** Stands in for the gallery: a mounted reader of the completed takes. */
function GalleryProbe() {
  useInfiniteQuery(jobQueries.gallery({ status: 'completed' }))
  return null
}

function rendering(script: ScriptedJob['script']): ScriptedJob {
  return { job: makeJob({ status: 'in_progress' }), script, polls: [] }
}

function setHidden(hidden: boolean) {
  Object.defineProperty(document, 'hidden', { configurable: true, value: hidden })
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    value: hidden ? 'hidden' : 'visible',
  })
  document.dispatchEvent(new Event('visibilitychange'))
}

describe('when a job finishes (fake timers)', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
    setHidden(false)
  })

  it('refreshes the gallery list exactly once', async () => {
    // Read on mount, then every second: the fourth read finishes it.
    const entry = rendering(['in_progress', 'in_progress', 'in_progress', 'completed'])
    const bff = scriptedBff([entry])
    server.use(...bff.handlers)
    renderWithQuery(
      <>
        <RenderQueue />
        <GalleryProbe />
      </>,
    )
    await advance(0)
    expect(bff.counts.galleryReads).toBe(1)

    await advance(2500)
    expect(bff.isDone(entry)).toBe(false)
    expect(bff.counts.galleryReads).toBe(1)

    await advance(30_000)
    expect(bff.isDone(entry)).toBe(true)
    expect(bff.counts.galleryReads).toBe(2)
  })

  it('refreshes the gallery once for jobs that finish together', async () => {
    const entries = [rendering(['completed']), rendering(['completed']), rendering(['failed'])]
    const bff = scriptedBff(entries)
    server.use(...bff.handlers)
    renderWithQuery(
      <>
        <RenderQueue />
        <GalleryProbe />
      </>,
    )
    await advance(30_000)
    expect(entries.every(bff.isDone)).toBe(true)
    expect(bff.counts.galleryReads).toBe(2)
  })

  it('counts takes finished while the tab is hidden in its title, and notifies', async () => {
    const shown = vi.fn()
    vi.stubGlobal(
      'Notification',
      Object.assign(
        function Notification(title: string, options: NotificationOptions) {
          shown(title, options.body)
        },
        { permission: 'granted' },
      ),
    )
    document.title = 'Dailies'
    const entries = [rendering(['in_progress', 'completed']), rendering(['completed'])]
    server.use(...scriptedBff(entries).handlers)
    setHidden(true)
    renderWithQuery(<RenderQueue />)

    await advance(500)
    expect(document.title).toBe('(1) take finished · Dailies')
    // A hidden tab polls a rendering job every 3 s instead of every second.
    await advance(2000)
    expect(document.title).toBe('(1) take finished · Dailies')
    await advance(1000)
    expect(document.title).toBe('(2) takes finished · Dailies')
    expect(shown).toHaveBeenCalledTimes(2)
    expect(shown).toHaveBeenCalledWith('Take ready', entries[0]?.job.prompt)

    setHidden(false)
    await advance(0)
    expect(document.title).toBe('Dailies')
  })

  it('notifies once per submit, when its last take finishes, and shows progress in the title meanwhile', async () => {
    const shown = vi.fn()
    vi.stubGlobal(
      'Notification',
      Object.assign(
        function Notification(title: string, options: NotificationOptions) {
          shown(title, options.body)
        },
        { permission: 'granted' },
      ),
    )
    document.title = 'Dailies'
    const take = (script: ScriptedJob['script']): ScriptedJob => ({
      job: makeJob({ status: 'in_progress', progress: 40, group: 'g1' }),
      script,
      polls: [],
    })
    const entries = [
      take(['in_progress', 'completed']),
      take(['in_progress', 'in_progress', 'completed']),
    ]
    const bff = scriptedBff(entries)
    server.use(...bff.handlers)
    renderWithQuery(<RenderQueue />)
    await advance(0)
    expect(document.title).toMatch(/^▶ \d+% · Dailies$/)
    setHidden(true)

    await advance(30_000)
    expect(entries.every(bff.isDone)).toBe(true)
    expect(shown).toHaveBeenCalledTimes(1)
    expect(shown).toHaveBeenCalledWith('2 of 2 takes ready', entries[0]?.job.prompt)
    setHidden(false)
    await advance(0)
    expect(document.title).toBe('Dailies')
  })
})
