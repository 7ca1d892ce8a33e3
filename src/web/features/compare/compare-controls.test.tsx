import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { beforeEach, describe, expect, it } from 'vitest'
import { CompareModeBar } from './compare-mode-bar'
import { useCompareMode } from './use-compare-mode'
import { WipeDivider } from './wipe-divider'

/** The mode bar as the comparison of `count` takes holds it, with its mode in the URL. */
function ModeBar({ count }: { count: number }) {
  const view = useCompareMode(count)
  return (
    <>
      <CompareModeBar view={view} />
      <button type="button" onClick={view.flip}>
        F
      </button>
      <output aria-label="Mode in view">{view.mode}</output>
    </>
  )
}

function Wipe() {
  const [value, setValue] = useState(50)
  return <WipeDivider value={value} onChange={setValue} />
}

const mode = () => new URLSearchParams(window.location.search).get('mode')

beforeEach(() => window.history.replaceState(null, '', '/?compare=job_a,job_b'))

describe('the compare mode switcher', () => {
  it('is reached with Tab at the mode in view, and the arrow keys change the mode and the URL', async () => {
    const user = userEvent.setup()
    render(<ModeBar count={2} />)
    await user.tab()
    expect(screen.getByRole('radio', { name: 'Side by side' })).toHaveFocus()
    await user.keyboard('{ArrowRight}')
    expect(screen.getByRole('radio', { name: 'Wipe' })).toBeChecked()
    expect(mode()).toBe('wipe')
    await user.keyboard('{ArrowRight}{ArrowRight}')
    expect(screen.getByRole('radio', { name: 'Difference' })).toBeChecked()
    expect(mode()).toBe('difference')
    // Back to side by side: the URL carries no mode at all.
    await user.click(screen.getByRole('radio', { name: 'Side by side' }))
    expect(mode()).toBeNull()
    expect(new URLSearchParams(window.location.search).get('compare')).toBe('job_a,job_b')
  })

  it('opens in the mode a link names, and ignores one it does not know', () => {
    window.history.replaceState(null, '', '/?compare=job_a,job_b&mode=overlay')
    const { unmount } = render(<ModeBar count={2} />)
    expect(screen.getByRole('radio', { name: 'Overlay' })).toBeChecked()
    expect(screen.getByRole('slider', { name: 'Opacity of take 2' })).toHaveValue('50')
    unmount()
    window.history.replaceState(null, '', '/?compare=job_a,job_b&mode=sideways')
    render(<ModeBar count={2} />)
    expect(screen.getByRole('radio', { name: 'Side by side' })).toBeChecked()
  })

  it('keeps three or four takes side by side whatever the link says', () => {
    window.history.replaceState(null, '', '/?compare=job_a,job_b,job_c&mode=wipe')
    render(<ModeBar count={3} />)
    expect(screen.getByRole('status', { name: 'Mode in view' })).toHaveTextContent('side')
  })

  it('flips: the first press enters flip, each further press shows the other take', async () => {
    const user = userEvent.setup()
    render(<ModeBar count={2} />)
    await user.click(screen.getByRole('button', { name: 'F' }))
    expect(mode()).toBe('flip')
    const shown = screen.getByRole('button', { name: /Showing/ })
    expect(shown).toHaveTextContent('Showing 1')
    expect(shown).toHaveAttribute('aria-keyshortcuts', 'F')
    await user.click(shown)
    expect(screen.getByRole('button', { name: /Showing/ })).toHaveTextContent('Showing 2')
    await user.click(screen.getByRole('button', { name: 'F' }))
    expect(screen.getByRole('button', { name: /Showing/ })).toHaveTextContent('Showing 1')
  })
})

describe('the wipe divider', () => {
  it('is a slider the arrow keys move, one step or ten with Shift or Page Up/Down, within 0–100', async () => {
    const user = userEvent.setup()
    render(<Wipe />)
    const divider = screen.getByRole('slider', { name: 'Wipe position' })
    expect(divider).toHaveAttribute('aria-valuenow', '50')
    expect(divider).toHaveAttribute('aria-valuemin', '0')
    expect(divider).toHaveAttribute('aria-valuemax', '100')
    await user.tab()
    expect(divider).toHaveFocus()
    await user.keyboard('{ArrowLeft}{ArrowLeft}')
    expect(divider).toHaveAttribute('aria-valuenow', '48')
    await user.keyboard('{Shift>}{ArrowRight}{/Shift}')
    expect(divider).toHaveAttribute('aria-valuenow', '58')
    await user.keyboard('{PageUp}{PageUp}{PageUp}{PageUp}{PageUp}')
    expect(divider).toHaveAttribute('aria-valuenow', '100')
    expect(divider).toHaveAttribute(
      'aria-valuetext',
      '100%: take 1 on the left, take 2 on the right',
    )
    await user.keyboard(
      '{Shift>}{ArrowLeft}{ArrowLeft}{ArrowLeft}{ArrowLeft}{ArrowLeft}{ArrowLeft}{ArrowLeft}{ArrowLeft}{ArrowLeft}{ArrowLeft}{ArrowLeft}{/Shift}',
    )
    expect(divider).toHaveAttribute('aria-valuenow', '0')
  })

  it('leaves Home and End to the transport (first and last frame)', async () => {
    const user = userEvent.setup()
    render(<Wipe />)
    const divider = screen.getByRole('slider', { name: 'Wipe position' })
    divider.focus()
    await user.keyboard('{Home}{End}')
    expect(divider).toHaveAttribute('aria-valuenow', '50')
  })
})
