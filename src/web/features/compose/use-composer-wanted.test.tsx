import { act, cleanup, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { sendToComposer } from '../../lib/composer-handoff'
import { NewTakeLink } from '../../app/new-take-link'
import { renderWithQuery } from '../../testing/render'
import { ComposePanel } from './compose-panel'

/** A phone: one column, the composer below the takes (jsdom has no matchMedia of its own). */
function onAPhone() {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: false,
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }))
}

let idle: Array<() => void> = []
let nearView: Array<(entries: Array<{ isIntersecting: boolean }>) => void> = []

beforeEach(() => {
  localStorage.clear()
  idle = []
  nearView = []
  vi.stubGlobal('requestIdleCallback', (run: () => void) => idle.push(run))
  vi.stubGlobal('cancelIdleCallback', () => undefined)
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      constructor(callback: (entries: Array<{ isIntersecting: boolean }>) => void) {
        nearView.push(callback)
      }
      observe() {}
      disconnect() {}
    },
  )
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const prompt = () => screen.queryByRole('textbox', { name: /prompt/i })

describe('the composer on a phone, below the takes', () => {
  it('is not drawn with the first screen, nor when the page is idle: it waits to be wanted', async () => {
    onAPhone()
    renderWithQuery(<ComposePanel />)
    // The models have arrived, yet the form waits: its code is not on the phone's first screen.
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(prompt()).not.toBeInTheDocument()

    act(() => idle.forEach((run) => run()))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(prompt()).not.toBeInTheDocument()
  })

  it('comes when the header\'s "New take" scrolls to it, with the cursor in the prompt', async () => {
    onAPhone()
    const { user } = renderWithQuery(
      <>
        <NewTakeLink />
        <aside id="compose">
          <ComposePanel />
        </aside>
      </>,
    )
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(prompt()).not.toBeInTheDocument()

    await user.click(screen.getByRole('link', { name: 'New take' }))
    // Scrolled to, the composer nears the view: its form is drawn and takes the cursor.
    act(() => nearView.forEach((seen) => seen([{ isIntersecting: true }])))
    await vi.waitFor(() => expect(prompt()).toHaveFocus())
  })

  it('comes as it nears the view', async () => {
    onAPhone()
    renderWithQuery(<ComposePanel />)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(prompt()).not.toBeInTheDocument()

    act(() => nearView.forEach((seen) => seen([{ isIntersecting: true }])))
    expect(await screen.findByRole('textbox', { name: /prompt/i })).toBeInTheDocument()
  })

  it('comes at once when a take hands it settings, and applies them', async () => {
    onAPhone()
    renderWithQuery(<ComposePanel />)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(prompt()).not.toBeInTheDocument()

    act(() =>
      sendToComposer({
        prompt: 'a heron at dawn',
        model: 'sora-2-pro',
        size: '1280x720',
        seconds: 4,
      }),
    )
    expect(await screen.findByDisplayValue('a heron at dawn')).toBe(prompt())
  })
})

describe('the composer beside the takes', () => {
  it('is drawn as soon as its models arrive, without waiting for the page to be idle', async () => {
    renderWithQuery(<ComposePanel />)
    expect(await screen.findByRole('textbox', { name: /prompt/i })).toBeInTheDocument()
    expect(idle).toHaveLength(0)
  })
})
