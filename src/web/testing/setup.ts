import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { format } from 'node:util'
import { afterAll, afterEach, beforeAll, beforeEach, vi, type MockInstance } from 'vitest'
import { server } from './server'

// findBy*/waitFor give up after 1 s by default. The viewer and other lazy parts load their chunk
// first, which on two shared cores under CI load can take longer than that while nothing is wrong:
// the same assertions, a longer patience (well inside the 20 s test timeout).
configure({ asyncUtilTimeout: 5000 })

// jsdom has <dialog> but not its modal methods; every Dialog opens with showModal().
HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
  this.setAttribute('open', '')
}
HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
  this.removeAttribute('open')
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

afterEach(() => cleanup())

/**
 * An unexpected console.error fails the test (Epic Stack's rule): React warnings, act()
 * complaints and swallowed errors surface instead of scrolling past. A test that expects one
 * says so: `vi.mocked(console.error).mockImplementation(() => {})`.
 */
let consoleError: MockInstance<typeof console.error>
let failOnConsoleError: (...args: unknown[]) => void

beforeEach(() => {
  const original = console.error.bind(console)
  failOnConsoleError = (...args: unknown[]) => original(...args)
  consoleError = vi.spyOn(console, 'error').mockImplementation(failOnConsoleError)
})

afterEach(() => {
  const calls =
    consoleError.getMockImplementation() === failOnConsoleError ? consoleError.mock.calls : []
  consoleError.mockRestore()
  if (calls.length > 0) {
    throw new Error(
      `console.error was called ${calls.length} time(s); the first: ${format(...(calls[0] ?? []))}\n` +
        'If the test expects it, call vi.mocked(console.error).mockImplementation(() => {}) in the test.',
    )
  }
})
