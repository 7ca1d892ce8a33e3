import { screen } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import type { JobList } from '../../../contract/api'
import { makeJob } from '../../testing/job-script'
import { renderWithQuery } from '../../testing/render'
import { server } from '../../testing/server'
import { GalleryToolbar } from './gallery-toolbar'
import { TileFace } from './tile-face'
import { useGalleryFilters } from './use-gallery-filters'
import { useGalleryTakes } from './use-gallery-takes'

/** The toolbar and the takes it asks for, as the gallery wires them (without its virtual grid). */
function FilteredTakes() {
  const [filters, setFilters] = useGalleryFilters()
  const { jobs, busy } = useGalleryTakes(filters)
  return (
    <section aria-label="Takes" aria-busy={busy}>
      <GalleryToolbar value={filters} onChange={setFilters} />
      {jobs.map((job) => (
        <article key={job.id} aria-label={job.prompt}>
          <TileFace job={job} detailsId={`details-${job.id}`} />
        </article>
      ))}
    </section>
  )
}

afterEach(() => window.history.replaceState(null, '', '/'))

describe('the gallery’s status filter', () => {
  it('finds cancelled takes under “Cancelled”, from a link too, each saying where it stopped', async () => {
    window.history.replaceState(null, '', '/?status=cancelled')
    const stopped = makeJob({ status: 'cancelled', progress: 40, prompt: 'a heron lifts off' })
    server.use(
      http.get('/api/jobs', ({ request }) => {
        const status = new URL(request.url).searchParams.get('status')
        return HttpResponse.json<JobList>({
          items: status === 'cancelled' ? [stopped] : [],
          nextCursor: null,
        })
      }),
    )
    const { user } = renderWithQuery(<FilteredTakes />)
    expect(await screen.findByText('Cancelled at 40%')).toBeInTheDocument()
    const status = screen.getByRole('combobox', { name: 'Filter by status' })
    expect(status).toHaveDisplayValue('Cancelled')

    await user.selectOptions(status, 'Finished')
    await expect.poll(() => screen.queryByText('Cancelled at 40%')).toBeNull()
    await user.selectOptions(status, 'Cancelled')
    expect(new URLSearchParams(window.location.search).get('status')).toBe('cancelled')
    expect(await screen.findByText('Cancelled at 40%')).toBeInTheDocument()
  })
})

describe('a search', () => {
  it('marks the takes busy from the first key until its own takes are here', async () => {
    const heron = makeJob({ status: 'completed', prompt: 'a heron lifts off' })
    const crane = makeJob({ status: 'completed', prompt: 'a crane lands' })
    const asked: string[] = []
    server.use(
      http.get('/api/jobs', ({ request }) => {
        const q = new URL(request.url).searchParams.get('q') ?? ''
        asked.push(q)
        return HttpResponse.json<JobList>({
          items: q === 'heron' ? [heron] : [crane, heron],
          nextCursor: null,
        })
      }),
    )
    const { user } = renderWithQuery(<FilteredTakes />)
    const takes = screen.getByRole('region', { name: 'Takes' })
    await expect.poll(() => takes.getAttribute('aria-busy')).toBe('false')
    expect(screen.getByRole('article', { name: 'a crane lands' })).toBeInTheDocument()

    await user.type(screen.getByRole('searchbox', { name: 'Search prompts and notes' }), 'heron')
    // Typed, not yet asked for (the search waits for a pause in the typing).
    expect(takes).toHaveAttribute('aria-busy', 'true')
    expect(asked).not.toContain('heron')
    await expect.poll(() => takes.getAttribute('aria-busy')).toBe('false')
    expect(asked).toContain('heron')
    // Not busy once the search's own takes are drawn, not the ones before it.
    expect(screen.queryByRole('article', { name: 'a crane lands' })).toBeNull()
    expect(screen.getByRole('article', { name: 'a heron lifts off' })).toBeInTheDocument()
  })
})
