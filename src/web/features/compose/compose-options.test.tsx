import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Capabilities } from '../../../contract/capabilities'
import { testCapabilities } from '../../testing/capabilities'
import { renderWithQuery } from '../../testing/render'
import { server } from '../../testing/server'
import { ComposePanel } from './compose-panel'

beforeEach(() => localStorage.clear())

const radioNames = (group: string) =>
  within(screen.getByRole('radiogroup', { name: group }))
    .getAllByRole('radio')
    .map((radio) => radio.getAttribute('aria-label'))

describe('options follow the capabilities', () => {
  it('offers the models by family with what each does and costs, and only the chosen model’s sizes', async () => {
    const { user } = renderWithQuery(<ComposePanel />)

    const model = await screen.findByRole('combobox', { name: 'Model' })
    expect(within(model).getAllByRole('group').map((g) => g.getAttribute('label'))).toEqual(['Sora', 'Veo'])
    expect(
      within(model)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'Sora 2 · 4, 8, 12 s · 9:16, 16:9 · 1 image · $0.10/s',
      'Sora 2 Pro · 4, 8, 12 s · 9:16, 16:9, 4:7, 7:4 · 1 image · $0.30–$0.50/s',
      'Veo 3.1 · 8 s · 16:9, 9:16 · first + last frame · price unknown',
      'Veo 3.1 Pro · 8 s · 16:9, 9:16 · first + last frame · price unknown',
      'Veo 3 · 8 s · 16:9, 9:16 · first + last frame · price unknown',
      'Veo 3 Fast · 8 s · 16:9, 9:16 · first + last frame · price unknown',
    ])
    expect(radioNames('Size')).toEqual(['9:16 portrait, 720 × 1280', '16:9 landscape, 1280 × 720'])
    expect(radioNames('Duration')).toEqual(['4 seconds', '8 seconds', '12 seconds'])

    await user.selectOptions(model, 'sora-2-pro')
    expect(radioNames('Size')).toEqual([
      '9:16 portrait, 720 × 1280, $0.30 a second',
      '16:9 landscape, 1280 × 720, $0.30 a second',
      '4:7 portrait, 1024 × 1792, $0.50 a second',
      '7:4 landscape, 1792 × 1024, $0.50 a second',
    ])
  })

  it('takes durations and prices from the server, not from the code', async () => {
    const caps = testCapabilities('cometapi', ['sora-2', 'sora-2-pro'])
    const custom: Capabilities = {
      ...caps,
      models: caps.models.map((m) => ({ ...m, seconds: [5, 10] })),
    }
    server.use(http.get('/api/capabilities', () => HttpResponse.json(custom)))
    renderWithQuery(<ComposePanel />)

    const model = await screen.findByRole('combobox', { name: 'Model' })
    const enabled = within(model)
      .getAllByRole('option')
      .filter((o) => !(o as HTMLOptionElement).disabled)
    expect(enabled.map((o) => o.textContent)).toEqual([
      'Sora 2 · 5, 10 s · 9:16, 16:9 · 1 image · $0.08/s',
      'Sora 2 Pro · 5, 10 s · 9:16, 16:9, 4:7, 7:4 · 1 image · $0.24/s',
    ])
    expect(radioNames('Duration')).toEqual(['5 seconds', '10 seconds'])
  })

  it('switching to a model without the chosen size picks a valid one and says so', async () => {
    const { user } = renderWithQuery(<ComposePanel />)
    const model = await screen.findByRole('combobox', { name: 'Model' })

    await user.selectOptions(model, 'sora-2-pro')
    await user.click(screen.getByRole('radio', { name: /^4:7 portrait, 1024 × 1792/ }))
    await user.selectOptions(model, 'sora-2')

    // The nearest frame of the same orientation.
    expect(screen.getByRole('radio', { name: '9:16 portrait, 720 × 1280' })).toBeChecked()
    const size = screen.getByRole('radiogroup', { name: 'Size' })
    expect(size).toHaveAccessibleDescription(
      'Sora 2 has no 1024 × 1792, so Size switched to 720 × 1280.',
    )
    // Choosing a size by hand retires the note.
    await user.click(screen.getByRole('radio', { name: '16:9 landscape, 1280 × 720' }))
    expect(size).toHaveAccessibleDescription('')
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
    const { user } = renderWithQuery(<ComposePanel />)

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not load the models: The provider is down',
    )
    await user.click(screen.getByRole('button', { name: 'Retry' }))
    expect(await screen.findByRole('combobox', { name: 'Model' })).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })
})
