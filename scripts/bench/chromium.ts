import { findChromium, NO_CHROMIUM } from '../find-chromium'

/**
 * The flags playwright.config.ts gives Chromium for the e2e tests (this machine has no
 * internet: without them its background services flood the log with refused connections).
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

export function chromiumPath(): string {
  const path = findChromium()
  if (!path) throw new Error(NO_CHROMIUM)
  return path
}
