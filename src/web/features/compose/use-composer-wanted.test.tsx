import { act, cleanup, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { sendToComposer } from '../../lib/composer-handoff'
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
  it('is not drawn with the first screen, and comes once the page is idle', async () => {
    onAPhone()
    renderWithQuery(<ComposePanel />)
    // The models have arrived, yet the form waits: its code is not on the phone's first screen.
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(prompt()).not.toBeInTheDocument()
    expect(idle).toHaveLength(1)

    act(() => idle.forEach((run) => run()))
    expect(await screen.findByRole('textbox', { name: /prompt/i })).toBeInTheDocument()
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
