import { screen } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { JobList } from '../../../../contract/api'
import { makeJob } from '../../../testing/job-script'
import { renderWithQuery } from '../../../testing/render'
import { server } from '../../../testing/server'
import { TakeLineage } from './take-lineage'

describe('take lineage', () => {
  it('lists the remixes of a take older than the newest hundred jobs', async () => {
    const source = makeJob({ status: 'completed' })
    const oldRemix = makeJob({ status: 'completed', remixOf: source.id, prompt: 'the same, at night' })
    const newer = Array.from({ length: 100 }, () => makeJob({ status: 'completed' }))
    // A BFF that filters as the real one does: by remixOf when asked, else the newest page.
    server.use(
      http.get('/api/jobs', ({ request }) => {
        const remixOf = new URL(request.url).searchParams.get('remixOf')
        const items = remixOf ? [oldRemix].filter((job) => job.remixOf === remixOf) : newer
        return HttpResponse.json<JobList>({ items, nextCursor: null })
      }),
    )
    renderWithQuery(<TakeLineage job={source} onNavigate={() => {}} />)

    const lineage = await screen.findByRole('navigation', { name: 'Lineage' })
    expect(lineage).toHaveTextContent('Remixes from this take')
    expect(screen.getByRole('button', { name: /the same, at night/ })).toBeInTheDocument()
  })
})
