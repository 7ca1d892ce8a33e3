import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { testCapabilities } from '../../testing/capabilities'
import { makeJob } from '../../testing/job-script'
import { renderWithQuery } from '../../testing/render'
import { server } from '../../testing/server'
import { ComposePanel } from './compose-panel'
import { createEndpoint, errorReply } from '../../testing/compose-bff'

beforeEach(() => {
  localStorage.clear()
  URL.createObjectURL = vi.fn(() => 'blob:preview')
  URL.revokeObjectURL = vi.fn()
})
afterEach(() => vi.restoreAllMocks())

async function compose(prompt: string) {
  const view = renderWithQuery(<ComposePanel />)
  const textbox = await screen.findByRole('textbox', { name: 'Prompt' })
  if (prompt) await view.user.type(textbox, prompt)
  return { ...view, textbox, generate: screen.getByRole('button', { name: 'Generate' }) }
}

describe('invalid input', () => {
  it('shows the prompt error at the field, focuses it, and sends nothing', async () => {
    const bff = createEndpoint()
    server.use(bff.handler)
    const { user, textbox, generate } = await compose('   ')

    await user.click(generate)

    expect(await screen.findByText('Write a prompt')).toBeInTheDocument()
    expect(textbox).toHaveAttribute('aria-invalid', 'true')
    expect(textbox).toHaveAccessibleDescription(/Write a prompt/)
    expect(textbox).toHaveFocus()
    expect(bff.sent).toHaveLength(0)
  })

  it('counts a prompt past the limit and refuses it at the field', async () => {
    const bff = createEndpoint()
    server.use(bff.handler)
    const { user, textbox, generate } = await compose('')
    await user.click(textbox)
    await user.paste('x'.repeat(32_001))

    expect(screen.getByText(/32,001 \/ 32,000/)).toBeInTheDocument()
    await user.click(generate)
    expect(await screen.findByText('A prompt is at most 32,000 characters')).toBeInTheDocument()
    expect(bff.sent).toHaveLength(0)
  })

  it('takes the error away once the prompt is fixed, and brings it back when it is emptied', async () => {
    const bff = createEndpoint()
    server.use(bff.handler)
    const { user, textbox, generate } = await compose('')
    await user.click(generate)
    expect(await screen.findByText('Write a prompt')).toBeInTheDocument()

    await user.type(textbox, 'A tram')
    await waitFor(() => expect(screen.queryByText('Write a prompt')).not.toBeInTheDocument())
    expect(textbox).not.toHaveAttribute('aria-invalid')
    await user.clear(textbox)
    expect(await screen.findByText('Write a prompt')).toBeInTheDocument()
    expect(bff.sent).toHaveLength(0)
  })

  it('refuses a file of the wrong type or over the size limit before uploading it', async () => {
    server.use(
      http.get('/api/capabilities', () =>
        HttpResponse.json({
          ...testCapabilities('simulator'),
          upload: { ...testCapabilities('simulator').upload, maxBytes: 1024 },
        }),
      ),
    )
    await compose('A tram at dusk')
    const user = userEvent.setup({ applyAccept: false })
    const input = screen.getByLabelText('Reference image')

    await user.upload(input, new File(['hello'], 'notes.txt', { type: 'text/plain' }))
    expect(input).toHaveAccessibleDescription(/“notes.txt” is not a PNG, JPEG or WebP image/)

    await user.upload(input, new File([new Uint8Array(2048)], 'still.png', { type: 'image/png' }))
    expect(input).toHaveAccessibleDescription(/“still.png” is 2\sKB; the limit is 1\sKB/)
    expect(screen.queryByRole('img', { name: /Reference image preview/ })).not.toBeInTheDocument()
  })
})

describe('what the server says', () => {
  it('puts a 400 at the field it names', async () => {
    const message = 'Sora 2 renders 720x1280 or 1280x720, not 1024x1792'
    const bff = createEndpoint(() => errorReply(400, 'invalid_request', message, 'size'))
    server.use(bff.handler)
    const { user, generate } = await compose('A tram at dusk')

    await user.click(generate)

    const size = screen.getByRole('radiogroup', { name: 'Size' })
    expect(await screen.findByText(message)).toBeInTheDocument()
    expect(size).toHaveAccessibleDescription(message)
    expect(size).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByRole('textbox', { name: 'Prompt' })).toHaveValue('A tram at dusk')
  })

  it('gives the focus back to the field the server names', async () => {
    const message = 'The provider refused the prompt as too vague'
    server.use(createEndpoint(() => errorReply(400, 'invalid_request', message, 'prompt')).handler)
    const { user, generate, textbox } = await compose('A tram at dusk')

    await user.click(generate)
    expect(await screen.findByText(message)).toBeInTheDocument()
    expect(textbox).toHaveFocus()
    expect(textbox).toHaveAccessibleDescription(new RegExp(message))
  })

  it('puts a refused reference image at the image', async () => {
    const message = 'The reference must be a PNG, JPEG or WebP image'
    const bff = createEndpoint(() =>
      errorReply(415, 'unsupported_media_type', message, 'input_reference'),
    )
    server.use(bff.handler)
    const { user, generate } = await compose('A tram at dusk')
    await user.upload(
      screen.getByLabelText('Reference image'),
      new File(['GIF89a'], 'fake.png', { type: 'image/png' }),
    )

    await user.click(generate)
    expect(await screen.findByText(message)).toBeInTheDocument()
    expect(screen.getByLabelText('Reference image')).toHaveAccessibleDescription(message)
  })

  it('says a 429 in words and keeps everything typed', async () => {
    const words = 'Too many renders started: you can start 60 a minute. Try again in 42 s.'
    server.use(createEndpoint(() => errorReply(429, 'rate_limited', words)).handler)
    const { user, generate, textbox } = await compose('A tram at dusk')

    await user.click(generate)
    expect(await screen.findByText(words)).toBeInTheDocument()
    expect(screen.getByText(/your prompt and settings are kept/)).toBeInTheDocument()
    expect(textbox).toHaveValue('A tram at dusk')
  })

  it('shows an upstream refusal with what to do next', async () => {
    const refused = (fields: Record<string, string>) =>
      makeJob({
        prompt: fields.prompt,
        status: 'failed',
        // A code the studio has never seen: the server's kind alone says what to do.
        error: {
          code: 'E_PX_4031',
          kind: 'moderation',
          message: 'Your request was blocked by our moderation system.',
        },
      })
    server.use(createEndpoint(({ fields }) => refused(fields)).handler)
    const { user, generate } = await compose('A tram at dusk')

    await user.click(generate)
    expect(
      await screen.findByText(
        'The provider refused this take: Your request was blocked by our moderation system.',
      ),
    ).toBeInTheDocument()
    expect(
      screen.getByText('Reword the prompt (or use another reference image), then generate again.'),
    ).toBeInTheDocument()
  })
})
