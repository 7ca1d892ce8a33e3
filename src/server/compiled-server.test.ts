import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildServer } from '../../scripts/build-server'
import { killHard, spawnStudio } from './testing/studio-process'

// Laid out as an install is: the compiled server beside node_modules, where its packages load from.
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-compiled-'))
fs.symlinkSync(path.resolve('node_modules'), path.join(temp, 'node_modules'))
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }))

describe('the compiled server (npm run build)', () => {
  it('runs under plain node, TypeScript nowhere at run time, and serves the API', async () => {
    const outfile = await buildServer(path.join(temp, 'dist-server'))
    // Only packages stay outside the bundle: no import of the studio's own .ts files, nor of tsx.
    const imports = [...fs.readFileSync(outfile, 'utf8').matchAll(/^import .* from "([^"]+)"/gm)]
    const specifiers = imports.map((match) => match[1] ?? '')
    expect(specifiers.length).toBeGreaterThan(5)
    expect(specifiers.filter((s) => s.startsWith('.') || /\.tsx?$|^tsx/.test(s))).toEqual([])
    // …and each of them a runtime dependency, so `npm prune --omit=dev` leaves what it needs.
    const { dependencies } = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {
      dependencies: Record<string, string>
    }
    const packageOf = (s: string) =>
      s
        .split('/')
        .slice(0, s.startsWith('@') ? 2 : 1)
        .join('/')
    const undeclared = specifiers.filter(
      (s) => !s.startsWith('node:') && !(packageOf(s) in dependencies),
    )
    expect(undeclared).toEqual([])

    const { child, url } = await spawnStudio(
      { DAILIES_DATA_DIR: path.join(temp, 'data') },
      { compiled: outfile },
    )
    try {
      const health = await fetch(`${url}/api/health`)
      expect(health.status).toBe(200)
      const jobs = await fetch(`${url}/api/jobs?limit=5`)
      expect(jobs.status).toBe(200)
      expect(await jobs.json()).toMatchObject({ items: [] })
    } finally {
      await killHard(child)
    }
  })
})
