import { screen, waitFor } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { groupIdSchema } from '../../../contract/job'
import { jobQueries } from '../../lib/job-queries'
import { renderWithQuery } from '../../testing/render'
import { server } from '../../testing/server'
import { ComposePanel } from './compose-panel'
import { createEndpoint } from '../../testing/compose-bff'

beforeEach(() => localStorage.clear())

async function ready() {
  return screen.findByRole('textbox', { name: 'Prompt' })
}

describe('takes', () => {
  it('sends 3 takes as 3 creates sharing one group', async () => {
    const bff = createEndpoint()
    server.use(bff.handler)
    const { user } = renderWithQuery(<ComposePanel />)

    await user.type(await ready(), 'A tram crosses a bridge at dusk')
    await user.click(screen.getByRole('radio', { name: '8 seconds' }))
    await user.click(screen.getByRole('radio', { name: '3 takes' }))
    await user.click(screen.getByRole('button', { name: 'Generate' }))

    expect(await screen.findByText('Started 3 takes: they are in Rendering.')).toBeInTheDocument()
    expect(bff.sent).toHaveLength(3)
    const groups = new Set(bff.sent.map((s) => s.fields.group))
    expect(groups.size).toBe(1)
    expect(groupIdSchema.safeParse([...groups][0]).success).toBe(true)
    for (const { fields } of bff.sent) {
      expect(fields).toMatchObject({
        prompt: 'A tram crosses a bridge at dusk',
        model: 'sora-2',
        size: '1280x720',
        seconds: '8',
        fit: 'cover',
      })
    }
  })

  it('submits with Ctrl+Enter from the prompt, and puts the new job in the queue at once', async () => {
    const bff = createEndpoint()
    server.use(bff.handler)
    const { user, queryClient } = renderWithQuery(<ComposePanel />)

    await user.type(await ready(), 'Rain on a neon sign')
    await user.keyboard('{Control>}{Enter}{/Control}')

    await waitFor(() => expect(bff.sent).toHaveLength(1))
    await waitFor(() =>
      expect(queryClient.getQueryData(jobQueries.active().queryKey)?.map((j) => j.prompt)).toEqual([
        'Rain on a neon sign',
      ]),
    )
    // The form keeps the prompt for the next variation.
    expect(screen.getByRole('textbox', { name: 'Prompt' })).toHaveValue('Rain on a neon sign')
  })
})
