import fs from 'node:fs'

/** Removes the BFF's throwaway data dir that playwright.config.ts made for this run. */
export default function globalTeardown(): void {
  const dir = process.env.DAILIES_E2E_DATA_DIR
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
}
