import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { createUpstream, type UpstreamLogger } from '../upstream/create-upstream'
import { UpstreamError } from '../upstream/types'

/**
 * A gateway mocked at the network edge with msw, for the provider behaviour the simulator cannot
 * show. A test file calls useMswGateway() once; its errors and logs are then searched for the key.
 */

export const BASE = 'https://gateway.test/v1'
export const KEY = 'sk-test-SECRET-4f9a8b7c6d5e'
export const server = setupServer()
const logged: unknown[] = []
const errors: UpstreamError[] = []

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

/** Starts the mocked gateway for the calling test file, and searches its errors and logs for the key at the end. */
export function useMswGateway(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }))
  afterEach(() => server.resetHandlers())
  afterAll(() => {
    server.close()
    // Every error message and log line of this file, searched for the key at once.
    const everything = JSON.stringify([errors.map((e) => [e.message, e.details]), logged])
    expect(everything).not.toContain(KEY)
    // Each file that uses the gateway drives several refusals through the search above.
    expect(errors.length).toBeGreaterThanOrEqual(5)
  })
}

