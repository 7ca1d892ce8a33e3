import { act, fireEvent, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { makeJob, scriptedBff, type ScriptedJob } from '../../testing/job-script'
import { renderWithQuery } from '../../testing/render'
import { server } from '../../testing/server'
import { RenderQueue } from './render-queue'

const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms))
const failing = (): ScriptedJob => ({
  job: makeJob({ status: 'in_progress' }),
  script: ['failed'],
  polls: [],
})

describe('a failed take in the render queue (fake timers)', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    window.history.replaceState(null, '', '/')
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('is announced with its reason and actions for a minute, then moves on to the gallery', async () => {
    const entries = [failing(), failing()]
    server.use(...scriptedBff(entries).handlers)
    renderWithQuery(<RenderQueue />)

    await advance(30_000)
    const row = screen.getByRole('listitem', { name: entries[0]?.job.prompt })
    expect(row).toHaveTextContent('Failed: Blocked by moderation')
    expect(screen.getAllByRole('button', { name: 'Retry' })).toHaveLength(2)
    expect(screen.getAllByRole('button', { name: 'Edit prompt' })).toHaveLength(2)
    expect(screen.queryByRole('button', { name: /failed · Show/ })).not.toBeInTheDocument()

    await advance(31_000)
    expect(screen.queryByRole('list', { name: 'Rendering' })).not.toBeInTheDocument()
    expect(screen.getByText('Nothing rendering')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '2 failed · Show' }))
    expect(new URLSearchParams(window.location.search).get('status')).toBe('failed')
    expect(screen.queryByRole('button', { name: /failed · Show/ })).not.toBeInTheDocument()
  })

  it('is not counted as moved on once dismissed', async () => {
    const entry = failing()
    server.use(...scriptedBff([entry]).handlers)
    renderWithQuery(<RenderQueue />)

    await advance(1000)
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByRole('listitem', { name: entry.job.prompt })).not.toBeInTheDocument()
    await advance(120_000)
    expect(screen.queryByRole('button', { name: /failed · Show/ })).not.toBeInTheDocument()
  })
})
