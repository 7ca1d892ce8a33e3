import { act, screen } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { sendToComposer } from '../../lib/composer-handoff'
import { renderWithQuery } from '../../testing/render'
import { server } from '../../testing/server'
import { ComposePanel } from './compose-panel'
import { createEndpoint } from '../../testing/compose-bff'

beforeEach(() => {
  localStorage.clear()
  URL.createObjectURL = vi.fn(() => 'blob:preview')
  URL.revokeObjectURL = vi.fn()
})
afterEach(() => vi.restoreAllMocks())

describe('draft', () => {
  it('restores the prompt and settings after a remount', async () => {
    const first = renderWithQuery(<ComposePanel />)
    const { user } = first
    await user.type(
      await screen.findByRole('textbox', { name: 'Prompt' }),
      'Fog over a harbour, long lens',
    )
    await user.selectOptions(screen.getByRole('combobox', { name: 'Model' }), 'sora-2-pro')
    await user.click(screen.getByRole('radio', { name: /^4:7 portrait, 1024 × 1792/ }))
    await user.click(screen.getByRole('radio', { name: '12 seconds' }))
    await user.click(screen.getByRole('radio', { name: '3 takes' }))
    first.unmount()

    renderWithQuery(<ComposePanel />)
    expect(await screen.findByRole('textbox', { name: 'Prompt' })).toHaveValue(
      'Fog over a harbour, long lens',
    )
    expect(screen.getByRole('combobox', { name: 'Model' })).toHaveValue('sora-2-pro')
    expect(screen.getByRole('radio', { name: /^4:7 portrait, 1024 × 1792/ })).toBeChecked()
    expect(screen.getByRole('radio', { name: '12 seconds' })).toBeChecked()
    expect(screen.getByRole('radio', { name: '3 takes' })).toBeChecked()
  })

  it('keeps what still fits from a draft the server can no longer render', async () => {
    localStorage.setItem(
      'dailies:compose-draft:v1',
      JSON.stringify({
        prompt: 'Old draft',
        model: 'sora-2',
        size: '1792x1024',
        seconds: 9,
        takes: 7,
      }),
    )
    renderWithQuery(<ComposePanel />)

    expect(await screen.findByRole('textbox', { name: 'Prompt' })).toHaveValue('Old draft')
    expect(screen.getByRole('radio', { name: '16:9 landscape, 1280 × 720' })).toBeChecked()
    expect(screen.getByRole('radio', { name: '8 seconds' })).toBeChecked()
    expect(screen.getByRole('radio', { name: '1 take' })).toBeChecked()
  })
})

describe('settings sent from a take', () => {
  it('"Reuse settings" fills the form, reference image included, and sends it', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    const bff = createEndpoint()
    server.use(
      bff.handler,
      http.get('/api/jobs/:id/reference', () =>
        HttpResponse.arrayBuffer(png.buffer, { headers: { 'content-type': 'image/png' } }),
      ),
    )
    const { user } = renderWithQuery(<ComposePanel />)
    await screen.findByRole('textbox', { name: 'Prompt' })

    act(() =>
      sendToComposer({
        prompt: 'A lantern over a night market',
        model: 'sora-2-pro',
        size: '1024x1792',
        seconds: 12,
        fit: 'contain',
        reference: {
          url: '/api/jobs/job_abcdefghij12/reference',
          fileName: 'lantern-reference.png',
        },
        note: 'Settings from take abcdef',
      }),
    )

    expect(await screen.findByText('Settings from take abcdef')).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: 'Prompt' })).toHaveValue(
      'A lantern over a night market',
    )
    expect(screen.getByRole('textbox', { name: 'Prompt' })).toHaveFocus()
    expect(screen.getByRole('combobox', { name: 'Model' })).toHaveValue('sora-2-pro')
    expect(screen.getByRole('radio', { name: /^4:7 portrait, 1024 × 1792/ })).toBeChecked()
    expect(screen.getByRole('radio', { name: '12 seconds' })).toBeChecked()
    expect(await screen.findByText('lantern-reference.png')).toBeInTheDocument()
    expect(
      screen.getByRole('img', { name: /letterboxed in the 1024 × 1792 frame/ }),
    ).toBeInTheDocument()
    expect(screen.getByRole('radio', { name: 'Contain' })).toBeChecked()

    await user.click(screen.getByRole('button', { name: 'Generate' }))
    expect(await screen.findByText('Started 1 take: it is in Rendering.')).toBeInTheDocument()
    expect(bff.sent[0]?.fields).toMatchObject({
      model: 'sora-2-pro',
      size: '1024x1792',
      seconds: '12',
      fit: 'contain',
    })
    // A file part travels; its bytes are checked end to end (jsdom's XMLHttpRequest cannot hand
    // msw a jsdom File's content, see create-job.test.ts and e2e/compose.spec.ts).
    expect(bff.sent[0]?.file).not.toBeNull()
  })
})
