import { screen } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { renderWithQuery } from '../../testing/render'
import { ComposePanel } from './compose-panel'

beforeEach(() => localStorage.clear())

describe('estimated cost', () => {
  it('follows model, size, duration and takes, and the button says what it will do', async () => {
    const { user } = renderWithQuery(<ComposePanel />)
    const model = await screen.findByRole('combobox', { name: 'Model' })
    const generate = screen.getByRole('button', { name: 'Generate' })

    // Sora 2 at $0.10/s, 1280 × 720, 4 s, 1 take.
    expect(generate).toHaveAccessibleDescription('1 take · 4 s · ≈ $0.40')

    await user.click(screen.getByRole('radio', { name: '8 seconds' }))
    expect(generate).toHaveAccessibleDescription('1 take · 8 s · ≈ $0.80')

    await user.click(screen.getByRole('radio', { name: '2 takes' }))
    expect(generate).toHaveAccessibleDescription('2 takes · 8 s · ≈ $1.60')
    expect(generate).toHaveTextContent('Generate2 takes · 8 s · ≈ $1.60')

    await user.selectOptions(model, 'sora-2-pro')
    expect(generate).toHaveAccessibleDescription('2 takes · 8 s · ≈ $4.80')

    // The tall and wide Pro frames cost $0.50 a second.
    await user.click(screen.getByRole('radio', { name: /^7:4 landscape, 1792 × 1024/ }))
    expect(generate).toHaveAccessibleDescription('2 takes · 8 s · ≈ $8.00')
    expect(screen.getByText('$0.50/s × 8 s × 2 =')).toBeInTheDocument()
  })
})
