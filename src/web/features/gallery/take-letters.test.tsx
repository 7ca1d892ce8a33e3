import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import type { JobList } from '../../../contract/api'
import type { Job } from '../../../contract/job'
import { makeJob } from '../../testing/job-script'
import { renderWithQuery } from '../../testing/render'
import { server } from '../../testing/server'
import { TakeTile } from './take-tile'
import { TakeViewer } from './viewer/take-viewer'

const media = (id: string) => ({
  video: `/api/jobs/${id}/video`,
  thumbnail: null,
  spritesheet: null,
  still: null,
})
const done = (fields: Partial<Job>): Job => {
  const job = makeJob({ status: 'completed', progress: 100, ...fields })
  return { ...job, media: media(job.id) }
}

// As the BFF letters them: a submit of three (B failed), B retried (its letter, outside the
// submit), C remixed (a new take: A), and the settings reused for a new submit of two.
const submit = [
  done({ group: 'g1', take: 'A', prompt: 'a lighthouse at dusk' }),
  makeJob({ group: 'g1', take: 'B', status: 'failed', prompt: 'a lighthouse at dusk' }),
  done({ group: 'g1', take: 'C', prompt: 'a lighthouse at dusk' }),
]
const retry = done({ group: null, take: 'B', prompt: 'a lighthouse at dusk' })
const remix = done({ group: null, take: 'A', remixOf: submit[2]?.id ?? null, prompt: 'at dawn' })
const reuse = [
  done({ group: 'g2', take: 'A', prompt: 'a lighthouse at night' }),
  done({ group: 'g2', take: 'B', prompt: 'a lighthouse at night' }),
]
const all = [...submit, retry, remix, ...reuse]

function bff() {
  server.use(
    http.get('/api/jobs', ({ request }) => {
      const url = new URL(request.url)
      const group = url.searchParams.get('group')
      const remixOf = url.searchParams.get('remixOf')
      const items = all.filter(
        (job) => (!group || job.group === group) && (!remixOf || job.remixOf === remixOf),
      )
      return HttpResponse.json<JobList>({ items, nextCursor: null })
    }),
    http.get('/api/jobs/:id', ({ params }) => {
      const job = all.find((other) => other.id === params.id)
      return job ? HttpResponse.json<Job>(job) : HttpResponse.json({}, { status: 404 })
    }),
  )
}

describe('take letters', () => {
  it('name every tile by its letter: a retry keeps B, a remix is A, a reused submit starts at A', () => {
    renderWithQuery(
      <>
        {all.map((job) => (
          <TakeTile
            key={job.id}
            job={job}
            selected={false}
            onToggleSelected={() => undefined}
            onOpen={() => undefined}
          />
        ))}
      </>,
    )
    const letters = screen.getAllByTitle(/^Take /).map((letter) => letter.textContent)
    expect(letters).toEqual(['A', 'B', 'C', 'B', 'A', 'A', 'B'])
  })

  it('show in the viewer as “Take C of 3”, with the submit’s letters one click away', async () => {
    bff()
    const onNavigate = vi.fn()
    const { user } = renderWithQuery(
      <TakeViewer
        id={submit[2]?.id ?? ''}
        order={all}
        onNavigate={onNavigate}
        onClose={() => undefined}
      />,
    )
    await screen.findByRole('button', { name: 'Take A' })
    const letters = screen.getByRole('navigation', { name: 'Takes of this submit' })
    expect(letters).toHaveTextContent('Take C of 3')
    expect(
      within(letters)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['A', 'B', 'C'])
    expect(within(letters).getByRole('button', { name: 'Take C' })).toHaveAttribute(
      'aria-current',
      'true',
    )
    await user.click(within(letters).getByRole('button', { name: 'Take B' }))
    expect(onNavigate).toHaveBeenCalledWith(submit[1]?.id)
  })

  it.each([
    ['a retry, still B', retry, 'B'],
    ['a remix, A', remix, 'A'],
  ])('show %s, as a take of its own with no siblings', async (_name, job, letter) => {
    bff()
    renderWithQuery(
      <TakeViewer id={job.id} order={all} onNavigate={() => undefined} onClose={() => undefined} />,
    )
    const nav = await screen.findByRole('navigation', { name: 'Takes of this submit' })
    expect(nav).toHaveTextContent(new RegExp(`^Take ${letter}$`))
    expect(within(nav).queryAllByRole('button')).toEqual([])
  })
})
