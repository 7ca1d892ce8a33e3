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
  const { jobs } = useGalleryTakes(filters)
  return (
    <>
      <GalleryToolbar value={filters} onChange={setFilters} />
      {jobs.map((job) => (
        <TileFace key={job.id} job={job} detailsId={`details-${job.id}`} />
      ))}
    </>
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
