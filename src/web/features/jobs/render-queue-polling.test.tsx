import { useQuery } from '@tanstack/react-query'
import { act, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ACTIVE_STATUSES } from '../../../contract/job-status'
import { jobQueries } from '../../lib/job-queries'
import { makeJob, scriptedBff, type ScriptedJob } from '../../testing/job-script'
import { renderWithQuery } from '../../testing/render'
import { server } from '../../testing/server'
import { RenderQueue } from './render-queue'

const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms))
/** Stays mounted after the queue lets a job go, as the viewer of that take would. */
function DetailProbe({ id }: { id: string }) {
  useQuery(jobQueries.detail(id))
  return null
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - (times[i] ?? 0))

describe('render queue polling (fake timers)', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('polls at the pace of the job’s state: 2 s queued, 1 s rendering, ½ s archiving', async () => {
    const entry: ScriptedJob = {
      job: makeJob({ status: 'queued' }),
      script: ['queued', 'in_progress', 'in_progress', 'archiving', 'archiving', 'completed'],
      polls: [],
    }
    const bff = scriptedBff([entry])
    server.use(...bff.handlers)
    renderWithQuery(<RenderQueue />)

    await advance(0)
    expect(screen.getByRole('listitem', { name: entry.job.prompt })).toBeInTheDocument()
    await advance(10_000)

    // Each gap is the interval chosen from the answer before it.
    expect(gaps(entry.polls)).toEqual([2000, 1000, 1000, 500, 500])
  })

  it('asks for every unfinished job in one request, every 5 s while something renders', async () => {
    const entry: ScriptedJob = {
      job: makeJob({ status: 'in_progress' }),
      script: ['in_progress'],
      polls: [],
    }
    const bff = scriptedBff([entry])
    server.use(...bff.handlers)
    renderWithQuery(<RenderQueue />)

    await advance(0)
    expect(screen.getByRole('listitem', { name: entry.job.prompt })).toBeInTheDocument()
    await advance(10_000)
    expect(bff.counts.listRequests).toEqual([0, 5, 10].map(() => [...ACTIVE_STATUSES]))
  })

  it('stops polling once the job reaches a terminal state', async () => {
    const completed: ScriptedJob = {
      job: makeJob({ status: 'in_progress' }),
      script: ['in_progress', 'completed'],
      polls: [],
    }
    const failed: ScriptedJob = {
      job: makeJob({ status: 'in_progress' }),
      script: ['failed'],
      polls: [],
    }
    const bff = scriptedBff([completed, failed])
    server.use(...bff.handlers)
    renderWithQuery(
      <>
        <RenderQueue />
        <DetailProbe id={completed.job.id} />
      </>,
    )

    await advance(5000)
    expect(bff.isDone(completed) && bff.isDone(failed)).toBe(true)
    const pollsAtFinish = [completed.polls.length, failed.polls.length]
    expect(pollsAtFinish).toEqual([2, 1])

    await advance(60_000)
    expect([completed.polls.length, failed.polls.length]).toEqual(pollsAtFinish)
    expect(screen.queryByRole('listitem', { name: completed.job.prompt })).not.toBeInTheDocument()
    // A minute later the failed one has moved on to the gallery, named in one link.
    expect(screen.queryByRole('listitem', { name: failed.job.prompt })).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: '1 failed · Show' })).toBeInTheDocument()
  })

  it('shows progress, status in words, elapsed time and settings while a job renders', async () => {
    const entry: ScriptedJob = {
      job: makeJob({ status: 'in_progress', progress: 40, createdAt: new Date().toISOString() }),
      script: ['in_progress'],
      polls: [],
    }
    server.use(...scriptedBff([entry]).handlers)
    renderWithQuery(<RenderQueue />)

    await advance(41_000)
    const row = screen.getByRole('listitem', { name: entry.job.prompt })
    expect(screen.getByRole('heading', { name: 'Rendering (1)' })).toBeInTheDocument()
    expect(
      screen.getByRole('progressbar', { name: `${entry.job.prompt}: progress` }),
    ).toHaveAttribute('aria-valuenow', '40')
    expect(row).toHaveTextContent('Rendering')
    expect(row).toHaveTextContent('Sora 2 · 1280 × 720 · 8 s')
    expect(screen.getByLabelText('Elapsed 0:41')).toBeInTheDocument()
  })
})
