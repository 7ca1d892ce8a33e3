import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { distinctiveKey, expectNoKey } from '../testing/key-telltales'
import { listFiles } from '../testing/vault-snapshot'

/**
 * The key never reaches the browser: the web app reads no server setting, vite exposes none of
 * them to the bundle even when they hold a key, and the built bundle (when dist/ exists) holds
 * no key-shaped string nor any key set in this environment. A full check, done by hand: build
 * with the key variables set (`COMETAPI_KEY=… npx vite build --outDir /tmp/x`) and search it.
 */

const KEY = distinctiveKey('BUNDLE')
const SERVER_KEYS = ['COMETAPI_KEY', 'OPENAI_API_KEY', 'DAILIES_UPSTREAM_KEY', 'DAILIES_SIM_KEY']

describe('the web app', () => {
  const webFiles = (dir: string) =>
    listFiles(dir)
      .filter((file) => !/\.(woff2?|png|jpe?g|webp|ico)$/.test(file))
      .map((file) => path.join(dir, file))

  it('reads no server setting: only VITE_ variables reach the browser, and none holds a key', async () => {
    for (const file of webFiles(path.resolve('src/web'))) {
      const source = fs.readFileSync(file, 'utf8')
      expect(source, file).not.toMatch(/process\.env/)
      const names = [...source.matchAll(/import\.meta\.env\.([A-Za-z_]+)/g)].map((m) => m[1] ?? '')
      for (const name of names)
        expect(name, file).toMatch(/^(VITE_\w+|MODE|DEV|PROD|SSR|BASE_URL)$/)
    }
    // What vite would expose to the bundle, with the key in every variable the server reads.
    const { loadEnv, resolveConfig } = await import('vite')
    const saved = { ...process.env }
    for (const name of SERVER_KEYS) process.env[name] = KEY
    try {
      const config = await resolveConfig(
        { configFile: path.resolve('vite.config.ts'), logLevel: 'silent' },
        'build',
        'production',
      )
      const exposed = loadEnv('production', config.envDir || config.root, config.envPrefix)
      expectNoKey([KEY], JSON.stringify(exposed), 'the variables vite exposes to the bundle')
      expectNoKey([KEY], JSON.stringify(config.define ?? {}), "vite's define")
    } finally {
      for (const name of SERVER_KEYS) {
        if (saved[name] === undefined) delete process.env[name]
        else process.env[name] = saved[name]
      }
    }
  })

  it('has no key in the built bundle (when dist/ exists), nor any key set in this environment', () => {
    const dist = path.resolve('dist')
    const configured = [...SERVER_KEYS, 'DAILIES_TOKEN']
      .map((name) => process.env[name])
      .filter((value): value is string => value !== undefined && value.length >= 8)
    for (const file of [...webFiles(dist), ...webFiles(path.resolve('src/web'))]) {
      const content = fs.readFileSync(file, 'latin1')
      expect(content, file).not.toMatch(/\bsk-(proj-|live-|test-)?[A-Za-z0-9]{20,}/)
      for (const value of configured)
        expect(content.includes(value), `${file} holds a configured key`).toBe(false)
    }
  })
})
