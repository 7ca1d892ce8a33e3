import { screen } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import type { JobList, Spend } from '../../contract/api'
import { studioHandlers } from '../testing/handlers'
import { renderWithQuery } from '../testing/render'
import { server } from '../testing/server'
import { App } from './app'

const BANNER = 'Simulator — renders are simulated, no provider key set'

beforeEach(() => {
  localStorage.clear()
  // An empty studio: no jobs yet.
  server.use(
    http.get('/api/jobs', () => HttpResponse.json<JobList>({ items: [], nextCursor: null })),
  )
})

describe('studio shell', () => {
  it('puts the composer beside the queue and the takes, and warns that renders are simulated', async () => {
    renderWithQuery(<App />)

    expect(screen.getByRole('heading', { level: 1, name: 'Dailies' })).toBeInTheDocument()
    expect(await screen.findByText(BANNER)).toBeInTheDocument()
    expect(screen.getByRole('complementary', { name: 'Compose' })).toBeInTheDocument()
    expect(await screen.findByRole('textbox', { name: 'Prompt' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Generate' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: /^Rendering/ })).toBeInTheDocument()
    // The gallery's code arrives in a chunk of its own, right after the first screen (under
    // vitest, transformed on first import: slow on a loaded machine).
    expect(
      await screen.findByRole('heading', { name: /^Takes/ }, { timeout: 10_000 }),
    ).toBeInTheDocument()
  }, 20_000)

  it('reaches the composer from the header, cursor in the prompt (the phone puts it last)', async () => {
    const { user } = renderWithQuery(<App />)
    const prompt = await screen.findByRole('textbox', { name: 'Prompt' })
    expect(prompt).not.toHaveFocus()
    await user.click(screen.getByRole('link', { name: 'New take' }))
    expect(prompt).toHaveFocus()
  })

  it('names a real provider and shows no simulator banner, with that provider’s prices', async () => {
    server.use(...studioHandlers('cometapi'))
    renderWithQuery(<App />)

    expect(await screen.findByText('CometAPI')).toBeInTheDocument()
    expect(
      await screen.findByRole('option', {
        name: 'Sora 2 · 4, 8, 12 s · 9:16, 16:9 · 1 image · $0.08/s',
      }),
    ).toBeInTheDocument()
    expect(screen.queryByText(BANNER)).not.toBeInTheDocument()
  })

  it('shows in the header what the server says the takes started since local midnight cost', async () => {
    const midnight = new Date()
    midnight.setHours(0, 0, 0, 0)
    server.use(
      http.get('/api/spend', ({ request }) => {
        const since = new URL(request.url).searchParams.get('since') ?? ''
        // Only the user's own midnight, as an instant, is answered with a tally.
        if (since !== midnight.toISOString())
          return HttpResponse.json({ error: { code: 'invalid_request' } }, { status: 400 })
        return HttpResponse.json<Spend>({ since, totalUsd: 2.4, takes: 2, unknownCostTakes: 0 })
      }),
    )
    renderWithQuery(<App />)

    expect(await screen.findByText('$2.40')).toBeInTheDocument()
    expect(screen.getByText('$2.40').parentElement).toHaveTextContent('$2.40 today')
  })

  it('marks the server offline when it does not answer', async () => {
    server.use(http.get('/api/health', () => HttpResponse.error()))
    renderWithQuery(<App />)

    expect(await screen.findByText('Server offline')).toBeInTheDocument()
    expect(screen.queryByText(BANNER)).not.toBeInTheDocument()
  })
})
