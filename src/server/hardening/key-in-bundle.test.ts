import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { distinctiveKey, expectNoKey } from '../testing/key-telltales'
import { listFiles } from '../testing/vault-snapshot'

/**
 * The key never reaches the browser: the web app reads no server setting, and a production build
 * made here with a key in every variable the server reads holds neither that key nor any
 * key-shaped string. The test builds what it checks, so it needs no dist/ and cannot pass by
 * finding nothing to read.
 */

const KEY = distinctiveKey('BUNDLE')
const SERVER_KEYS = ['COMETAPI_KEY', 'OPENAI_API_KEY', 'DAILIES_UPSTREAM_KEY', 'DAILIES_SIM_KEY', 'DAILIES_TOKEN']

const webFiles = (dir: string) =>
  listFiles(dir)
    .filter((file) => !/\.(woff2?|png|jpe?g|webp|ico)$/.test(file))
    .map((file) => path.join(dir, file))

/** Runs `body` with every server key variable set to KEY, then puts the environment back. */
async function withKeysInEnvironment<T>(body: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(SERVER_KEYS.map((name) => [name, process.env[name]]))
  for (const name of SERVER_KEYS) process.env[name] = KEY
  try {
    return await body()
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
}

describe('the web app', () => {
  let outDir = ''

  beforeAll(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-bundle-'))
    const { build } = await import('vite')
    await withKeysInEnvironment(() =>
      build({
        configFile: path.resolve('vite.config.ts'),
        logLevel: 'silent',
        build: { outDir, emptyOutDir: true },
      }),
    )
  }, 120_000)

  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }))

  it('reads no server setting: only VITE_ variables reach the browser', () => {
    for (const file of webFiles(path.resolve('src/web'))) {
      const source = fs.readFileSync(file, 'utf8')
      expect(source, file).not.toMatch(/process\.env/)
      const names = [...source.matchAll(/import\.meta\.env\.([A-Za-z_]+)/g)].map((m) => m[1] ?? '')
      for (const name of names)
        expect(name, file).toMatch(/^(VITE_\w+|MODE|DEV|PROD|SSR|BASE_URL)$/)
    }
  })

  it('exposes no server variable to the bundle through vite, even when each holds a key', async () => {
    const { loadEnv, resolveConfig } = await import('vite')
    await withKeysInEnvironment(async () => {
      const config = await resolveConfig(
        { configFile: path.resolve('vite.config.ts'), logLevel: 'silent' },
        'build',
        'production',
      )
      const exposed = loadEnv('production', config.envDir || config.root, config.envPrefix)
      expectNoKey([KEY], JSON.stringify(exposed), 'the variables vite exposes to the bundle')
      expectNoKey([KEY], JSON.stringify(config.define ?? {}), "vite's define")
    })
  })

  it('builds a bundle holding no key, though every key variable was set during the build', () => {
    const built = webFiles(outDir)
    expect(built.some((file) => file.endsWith('.js'))).toBe(true)
    expect(built.some((file) => file.endsWith('index.html'))).toBe(true)
    for (const file of built) {
      const content = fs.readFileSync(file, 'latin1')
      expect(content, file).not.toMatch(/\bsk-(proj-|live-|test-)?[A-Za-z0-9]{20,}/)
      expectNoKey([KEY], content, path.relative(outDir, file))
    }
  })
})
