import { screen } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { TakeInfo } from '../features/gallery/viewer/take-info'
import { TileFace } from '../features/gallery/tile-face'
import { testCapabilities } from '../testing/capabilities'
import { makeJob } from '../testing/job-script'
import { renderWithQuery } from '../testing/render'
import { server } from '../testing/server'

/** A studio whose DAILIES_MODELS file adds a model the built-in catalog does not know. */
function withCatalogModel() {
  const capabilities = testCapabilities()
  const [first] = capabilities.models
  if (!first) throw new Error('the built-in catalog is empty')
  capabilities.models.push({ ...first, id: 'kling-v2-master', label: 'Kling 2.1 Master' })
  server.use(http.get('/api/capabilities', () => HttpResponse.json(capabilities)))
}

describe('a take of a model from the studio’s catalog file', () => {
  it('is named by its catalog label on the tile and in the viewer, with its id beside it there', async () => {
    withCatalogModel()
    const job = makeJob({ status: 'completed', model: 'kling-v2-master' })
    renderWithQuery(
      <>
        <TileFace job={job} detailsId="details" />
        <TakeInfo job={job} />
      </>,
    )
    expect(await screen.findByText('Kling 2.1 Master (kling-v2-master)')).toBeInTheDocument()
    expect(screen.getByText('Kling 2.1 Master', { selector: 'span' })).toBeInTheDocument()
  })

  it('keeps its id when the catalog no longer has it', async () => {
    const job = makeJob({ status: 'completed', model: 'gone-model-1' })
    renderWithQuery(<TakeInfo job={job} />)
    expect(await screen.findByText('gone-model-1')).toBeInTheDocument()
  })
})
