import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { z } from '../lib/zod'
import { simulatorEnvSchema } from '../simulator/env'
import { envSchema } from './config'
import { listFiles } from './testing/vault-snapshot'

/**
 * Every environment variable the shipped code reads is in README's configuration table, and the
 * table names none it does not read. Reads are found by scanning src/: a named read
 * (`process.env.X`, `process.env['X']`) counts as itself; a file that hands the whole environment
 * to a zod schema counts as every key of that schema, and must be one of the files below.
 */
const SCHEMA_READERS: Record<string, z.ZodMiniObject> = {
  'src/server/config.ts': envSchema,
  'src/simulator/main.ts': simulatorEnvSchema,
}

const isShipped = (file: string) => !/\.test\.tsx?$|\/testing\//.test(file) && /\.tsx?$/.test(file)

/** Drops block and line comments (not `://` in URLs), so prose about process.env is no read. */
const withoutComments = (source: string) =>
  source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1')

function variablesReadInSource(): Map<string, string> {
  const readBy = new Map<string, string>()
  for (const file of listFiles('src').map((f) => path.join('src', f)).filter(isShipped)) {
    const source = withoutComments(fs.readFileSync(file, 'utf8'))
    for (const match of source.matchAll(/process\.env(?:\.([A-Za-z_]\w*)|\[\s*['"]([^'"]+)['"]\s*\])?/g)) {
      const named = match[1] ?? match[2]
      if (named) {
        readBy.set(named, file)
        continue
      }
      const schema = SCHEMA_READERS[file]
      expect(schema, `${file} reads the whole environment: parse it with a schema listed here`).toBeDefined()
      for (const name of Object.keys(schema?.shape ?? {})) readBy.set(name, file)
    }
  }
  return readBy
}

function variablesInReadmeTable(): Set<string> {
  const readme = fs.readFileSync('README.md', 'utf8')
  const section = /^## Configuration\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? ''
  const firstCells = section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) => line.split('|')[1] ?? '')
  return new Set(firstCells.flatMap((cell) => [...cell.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1] ?? '')))
}

describe("README's configuration table", () => {
  it('lists every environment variable read in src/', () => {
    const read = variablesReadInSource()
    expect(read.size).toBeGreaterThan(10)
    const documented = variablesInReadmeTable()
    const missing = [...read].filter(([name]) => !documented.has(name)).map(([name, file]) => `${name} (${file})`)
    expect(missing, 'add a row to the table in README.md, section Configuration').toEqual([])
  })

  it('lists no variable the code does not read', () => {
    const read = variablesReadInSource()
    const stale = [...variablesInReadmeTable()].filter((name) => !read.has(name))
    expect(stale).toEqual([])
  })
})
