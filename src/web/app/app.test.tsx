import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { studioHandlers } from '../testing/handlers'
import { renderWithQuery } from '../testing/render'
import { server } from '../testing/server'
import { App } from './app'

const BANNER = 'Simulator — renders are simulated, no provider key set'

describe('studio shell', () => {
  it('warns that renders are simulated and lists the models with their prices', async () => {
    renderWithQuery(<App />)

    expect(screen.getByRole('heading', { level: 1, name: 'Dailies' })).toBeInTheDocument()
    expect(await screen.findByText(BANNER)).toBeInTheDocument()

    const sora2 = await screen.findByRole('table', { name: 'Sora 2: sizes and prices' })
    expect(
      within(sora2)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['720 × 1280', '1280 × 720'])

    const pro = screen.getByRole('table', { name: 'Sora 2 Pro: sizes and prices' })
    const tallPro = within(pro).getByRole('row', { name: /1024 × 1792/ })
    // $0.50 a second, so a 12 s take costs $6.00.
    expect(within(tallPro).getByText('$0.50')).toBeInTheDocument()
    expect(within(tallPro).getByText('$6.00')).toBeInTheDocument()
    expect(screen.getAllByText('4 s · 8 s · 12 s')).toHaveLength(2)
  })

  it('shows no simulator banner when a real provider renders', async () => {
    server.use(...studioHandlers('cometapi'))
    renderWithQuery(<App />)

    expect(await screen.findByText('CometAPI')).toBeInTheDocument()
    // CometAPI's own price book: Sora 2 at $0.08 a second.
    const sora2 = await screen.findByRole('table', { name: 'Sora 2: sizes and prices' })
    expect(within(sora2).getAllByText('$0.08')).toHaveLength(2)
    expect(screen.queryByText(BANNER)).not.toBeInTheDocument()
  })

  it("shows the server's own words when the models cannot be loaded, and retries", async () => {
    server.use(
      http.get(
        '/api/capabilities',
        () =>
          HttpResponse.json(
            { error: { code: 'upstream_unavailable', message: 'The provider is down' } },
            { status: 503 },
          ),
        { once: true },
      ),
    )
    const { user } = renderWithQuery(<App />)

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not load the models: The provider is down',
    )
    await user.click(screen.getByRole('button', { name: 'Retry' }))
    expect(
      await screen.findByRole('table', { name: 'Sora 2 Pro: sizes and prices' }),
    ).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('marks the server offline when it does not answer', async () => {
    server.use(http.get('/api/health', () => HttpResponse.error()))
    renderWithQuery(<App />)

    expect(await screen.findByText('Server offline')).toBeInTheDocument()
    expect(screen.queryByText(BANNER)).not.toBeInTheDocument()
  })
})
