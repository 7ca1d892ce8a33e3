import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { createUpstream, type UpstreamLogger } from '../upstream/create-upstream'
import { UpstreamError } from '../upstream/types'

/**
 * A gateway mocked at the network edge with msw, for the provider behaviour the simulator cannot
 * show. Importing this file installs the hooks; the file's errors and logs are searched for the key.
 */

export const BASE = 'https://gateway.test/v1'
export const KEY = 'sk-test-SECRET-4f9a8b7c6d5e'
export const server = setupServer()
const logged: unknown[] = []
const errors: UpstreamError[] = []
export const sleeps: number[] = []

const logger: UpstreamLogger = {
  warn: (...args) => void logged.push(args),
  info: (...args) => void logged.push(args),
  debug: (...args) => void logged.push(args),
}

export function upstream(baseURL = BASE, timeoutMs?: number) {
  return createUpstream({
    baseURL,
    timeoutMs,
    apiKey: KEY,
    logger,
    keyName: 'COMETAPI_KEY',
    sleep: (ms) => {
      sleeps.push(ms)
      return Promise.resolve()
    },
    random: () => 0.5,
  })
}

/** Runs `call`, expecting an UpstreamError, and keeps it for the no-key-anywhere check. */
export async function failure(call: Promise<unknown>): Promise<UpstreamError> {
  const error = await call.then(
    () => {
      throw new Error('expected the call to fail')
    },
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(UpstreamError)
  errors.push(error as UpstreamError)
  return error as UpstreamError
}

export const input = {
  prompt: 'A paper airplane glides across a desk.',
  model: 'sora-2',
  size: '1280x720',
  seconds: 8,
}

beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }))
afterEach(() => {
  server.resetHandlers()
  sleeps.length = 0
})
afterAll(() => {
  server.close()
  // Every error message and log line of this file, searched for the key at once.
  const everything = JSON.stringify([errors.map((e) => [e.message, e.details]), logged])
  expect(everything).not.toContain(KEY)
  // Each file that uses the gateway drives several refusals through the search above.
  expect(errors.length).toBeGreaterThanOrEqual(5)
})

