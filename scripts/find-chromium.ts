import fs from 'node:fs'
import { chromium } from 'playwright-core'

/**
 * Flags for every Chromium the project starts (e2e, benchmarks). This machine has no internet:
 * without them Chromium's background services flood the log with refused connections.
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

export const NO_CHROMIUM = 'No Chromium found: apt-get install chromium, or set CHROMIUM_PATH'

/** Playwright's own build, when `playwright install` has put one on this machine (it cannot here). */
function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath()
  } catch {
    return undefined
  }
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK)
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}

/**
 * The Chromium the e2e tests drive: CHROMIUM_PATH when set (an explicit choice wins over a
 * guess), else Playwright's own build, else Debian's. Null when there is none.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [env.CHROMIUM_PATH, playwrightChromium(), '/usr/bin/chromium']
  return candidates.find((file): file is string => !!file && isExecutable(file)) ?? null
}
