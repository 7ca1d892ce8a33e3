import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { defineConfig } from '@playwright/test'
import { CHROMIUM_FLAGS, findChromium, NO_CHROMIUM } from './scripts/find-chromium'

const root = path.dirname(new URL(import.meta.url).pathname)
// E2E_PORT lets two runs share a machine.
const PORT = Number(process.env.E2E_PORT ?? 4401)
const baseURL = `http://127.0.0.1:${PORT}`

function fail(message: string): never {
  console.error(message)
  process.exit(1)
}

const executablePath = findChromium() ?? fail(NO_CHROMIUM)
if (!fs.existsSync(path.join(root, 'dist', 'index.html'))) {
  fail('No build in dist/: run `npm run build` first (`npm test` does it for you)')
}

// The runner and every worker evaluate this file; the runner makes the data dir once and the
// workers inherit it through the environment, so all of them see the same BFF data.
process.env.DAILIES_E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-e2e-'))

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  forbidOnly: !!process.env.CI,
  // One BFF, one simulator and ffmpeg share two cores with Chromium: give each test room.
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  retries: 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  globalTeardown: './e2e/global-teardown.ts',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        viewport: { width: 1440, height: 900 },
        launchOptions: {
          executablePath,
          args: CHROMIUM_FLAGS,
        },
      },
    },
  ],
  // The real BFF with its embedded simulator rendering at full speed, on a fresh data dir.
  webServer: {
    command: 'node --import tsx src/server/main.ts',
    cwd: root,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      DAILIES_PROVIDER: 'simulator',
      HOST: '127.0.0.1',
      PORT: String(PORT),
      DAILIES_DATA_DIR: process.env.DAILIES_E2E_DATA_DIR,
      DAILIES_SIM_TIME_SCALE: '0',
      LOG_LEVEL: 'warn',
    },
  },
})
