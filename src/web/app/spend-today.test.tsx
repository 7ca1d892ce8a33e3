import { screen } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Spend } from '../../contract/api'
import type { Job } from '../../contract/job'
import { useFinishedTakes } from '../features/jobs/use-finished-takes'
import { useDeleteJob } from '../lib/job-mutations'
import { makeJob } from '../testing/job-script'
import { renderWithQuery } from '../testing/render'
import { server } from '../testing/server'
import { SpendToday } from './spend-today'

/** The header's "$X today" is the server's sum since the user's midnight, kept fresh by the lists' refreshes. */
const midnight = new Date()
midnight.setHours(0, 0, 0, 0)
const justBefore = new Date(midnight.getTime() - 1).toISOString()

let jobs: Job[]

beforeEach(() => {
  // 150 takes today at $0.40 (more than one list page ever held) and one from just before midnight.
  jobs = [
    ...Array.from({ length: 150 }, () =>
      makeJob({ createdAt: midnight.toISOString(), costUsd: 0.4, status: 'completed' }),
    ),
    makeJob({ createdAt: justBefore, costUsd: 9, status: 'completed' }),
  ]
  // As the BFF does: the sum over the live takes created at or after `since`.
  server.use(
    http.get('/api/spend', ({ request }) => {
      const since = new URL(request.url).searchParams.get('since') ?? ''
      const today = jobs.filter((job) => job.createdAt >= since)
      return HttpResponse.json<Spend>({
        since,
        totalUsd: today.reduce((sum, job) => sum + (job.costUsd ?? 0), 0),
        takes: today.length,
        unknownCostTakes: today.filter((job) => job.costUsd === null).length,
      })
    }),
    http.delete('/api/jobs/:id', ({ params }) => {
      jobs = jobs.filter((job) => job.id !== params.id)
      return new HttpResponse(null, { status: 204 })
    }),
  )
})

/** The header's tally beside the two things that change it: a take deleted, a take finishing. */
function Harness() {
  const remove = useDeleteJob()
  const { onFinished } = useFinishedTakes()
  const first = jobs[0]
  return (
    <>
      <SpendToday />
      <button type="button" onClick={() => first && remove.mutate(first)}>
        Delete a take
      </button>
      <button
        type="button"
        onClick={() => {
          const take = makeJob({
            createdAt: new Date().toISOString(),
            costUsd: 1.2,
            status: 'completed',
          })
          jobs = [take, ...jobs]
          onFinished(take)
        }}
      >
        Finish a take
      </button>
    </>
  )
}

describe('SpendToday', () => {
  it('shows the exact total of every take since midnight, past a hundred', async () => {
    renderWithQuery(<SpendToday />)
    expect(await screen.findByText('$60.00')).toBeInTheDocument()
    expect(screen.getByText('$60.00').parentElement).toHaveTextContent(/^\$60\.00 today$/)
  })

  it('counts a take again once it finishes, and no more once it is deleted', async () => {
    const { user } = renderWithQuery(<Harness />)
    expect(await screen.findByText('$60.00')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Delete a take' }))
    expect(await screen.findByText('$59.60')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Finish a take' }))
    expect(await screen.findByText('$60.80')).toBeInTheDocument()
  })

  it('says on hover how many takes have no published price', async () => {
    jobs.push(makeJob({ createdAt: midnight.toISOString(), costUsd: null, status: 'completed' }))
    renderWithQuery(<SpendToday />)
    const total = await screen.findByText('$60.00')
    expect(total.parentElement).toHaveAttribute(
      'title',
      expect.stringContaining('1 take has no published price'),
    )
  })
})
