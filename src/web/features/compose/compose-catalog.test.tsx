import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Capabilities } from '../../../contract/capabilities'
import { sendToComposer } from '../../lib/composer-handoff'
import { testCapabilities } from '../../testing/capabilities'
import { renderWithQuery } from '../../testing/render'
import { server } from '../../testing/server'
import { ComposePanel } from './compose-panel'

beforeEach(() => localStorage.clear())

const png = () =>
  new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'frame.png', { type: 'image/png' })

describe('the composer follows the catalog', () => {
  it('shows First frame and Last frame for a two-reference model, and drops the last frame (saying so) on a switch to Sora', async () => {
    const { user } = renderWithQuery(<ComposePanel />)
    const model = await screen.findByRole('combobox', { name: 'Model' })
    expect(screen.getByText('Reference image')).toBeInTheDocument()
    expect(screen.queryByText('Last frame')).not.toBeInTheDocument()

    await user.selectOptions(model, 'veo3.1')
    expect(screen.getByText('First frame')).toBeInTheDocument()
    await user.upload(screen.getByLabelText('Last frame'), png())
    expect(await screen.findByText('frame.png')).toBeInTheDocument()

    await user.selectOptions(model, 'sora-2')
    expect(screen.queryByText('Last frame')).not.toBeInTheDocument()
    expect(model).toHaveAccessibleDescription(
      'Sora 2 takes no last frame, so the last frame was dropped.',
    )
  })

  it('hides the picker for a text-only model, and lists retired models apart, not to be chosen', async () => {
    const caps = testCapabilities('cometapi')
    const custom: Capabilities = {
      ...caps,
      models: caps.models.map((m) =>
        m.id === 'veo3'
          ? { ...m, references: 0 }
          : m.id === 'sora-2'
            ? { ...m, availability: 'retired', note: 'gone' }
            : m,
      ),
    }
    server.use(http.get('/api/capabilities', () => HttpResponse.json(custom)))
    const { user } = renderWithQuery(<ComposePanel />)
    const model = await screen.findByRole('combobox', { name: 'Model' })
    const retired = within(model).getByRole('option', { name: 'Sora 2 — retired' })
    expect(retired).toBeDisabled()
    await user.selectOptions(model, 'veo3')
    expect(screen.queryByText('Reference image')).not.toBeInTheDocument()
    expect(screen.queryByText('First frame')).not.toBeInTheDocument()
  })

  it('says why Reuse settings of a retired model switched to another', async () => {
    const caps = testCapabilities('openai')
    server.use(
      http.get('/api/capabilities', () =>
        HttpResponse.json({
          ...caps,
          models: caps.models.map((m) =>
            m.id === 'sora-2-pro' ? { ...m, availability: 'offered' } : m,
          ),
        }),
      ),
    )
    renderWithQuery(<ComposePanel />)
    const model = await screen.findByRole('combobox', { name: 'Model' })
    sendToComposer({ prompt: 'again', model: 'sora-2', size: '1280x720', seconds: 4 })
    expect(
      await screen.findByText(/^Sora 2 is retired \(OpenAI shut its Sora 2 API down on 2026-09-24/),
    ).toBeInTheDocument()
    expect(model).toHaveValue('sora-2-pro')
  })
})
