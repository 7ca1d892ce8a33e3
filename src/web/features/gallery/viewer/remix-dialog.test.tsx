import { screen } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { makeJob } from '../../../testing/job-script'
import { renderWithQuery } from '../../../testing/render'
import { server } from '../../../testing/server'
import { RemixDialog } from './remix-dialog'

function remixEndpoint() {
  const sent: unknown[] = []
  const handler = http.post('/api/jobs/:id/remix', async ({ request }) => {
    const body = (await request.json()) as { prompt: string }
    sent.push(body)
    return HttpResponse.json(makeJob({ prompt: body.prompt }), { status: 201 })
  })
  return { sent, handler }
}

describe('remix dialog', () => {
  it('refuses an empty prompt at the field and sends the trimmed one once it is written', async () => {
    const bff = remixEndpoint()
    server.use(bff.handler)
    const onClose = vi.fn()
    const { user } = renderWithQuery(
      <RemixDialog job={makeJob({ prompt: 'A tram at dusk' })} open onClose={onClose} />,
    )
    const prompt = screen.getByRole('textbox', { name: 'Remix prompt' })
    expect(prompt).toHaveValue('A tram at dusk')

    await user.clear(prompt)
    await user.click(screen.getByRole('button', { name: 'Start remix' }))
    expect(await screen.findByText('Write a prompt')).toBeInTheDocument()
    expect(prompt).toHaveAttribute('aria-invalid', 'true')
    expect(prompt).toHaveAccessibleDescription('Write a prompt')
    expect(bff.sent).toHaveLength(0)

    await user.type(prompt, '  A tram at dawn  ')
    await user.click(screen.getByRole('button', { name: 'Start remix' }))
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled())
    expect(bff.sent).toEqual([{ prompt: 'A tram at dawn' }])
  })
})
