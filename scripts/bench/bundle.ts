import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { chunkParts } from './bundle-parts'
import type { Bench } from './context'
import { fixed, row, type Row } from './table'

const TARGET_KB = 110

/** Gzipped size in kB (1000 bytes, as Vite prints it), at level 9 as Vite's own report. */
const gzipKb = (file: string): number => gzipSync(fs.readFileSync(file), { level: 9 }).length / 1000
const rawKb = (file: string): number => fs.statSync(file).size / 1000

/** The URLs of `<tag … attr="…">` elements whose tag text matches `filter`. */
function urls(html: string, tag: RegExp, attr: 'src' | 'href'): string[] {
  return [...html.matchAll(tag)]
    .map((m) => new RegExp(`${attr}="([^"]+)"`).exec(m[0])?.[1] ?? '')
    .filter(Boolean)
}

/**
 * 1. Initial JavaScript: the entry script of the built index.html and the chunks it
 * modulepreloads (the first screen), gzipped; every other chunk is loaded lazily.
 */
export const benchBundle: Bench = async (ctx) => {
  const { outDir, seconds } = await ctx.build()
  ctx.log(`bundle: built in ${fixed(seconds, 0)} s`)
  const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8')
  const entry = urls(html, /<script\b[^>]*type="module"[^>]*>/g, 'src')
  const preloads = urls(html, /<link\b[^>]*rel="modulepreload"[^>]*>/g, 'href')
  const styles = urls(html, /<link\b[^>]*rel="stylesheet"[^>]*>/g, 'href')
  if (entry.length === 0) throw new Error('index.html names no module script')
  const toFile = (url: string) => path.join(outDir, url.replace(/^\//, ''))
  const first = new Set([...entry, ...preloads].map(toFile))
  const assets = path.join(outDir, 'assets')
  const lazy = fs
    .readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .map((name) => path.join(assets, name))
    .filter((file) => !first.has(file))
    .sort((a, b) => gzipKb(b) - gzipKb(a))

  const firstGz = [...first].reduce((sum, file) => sum + gzipKb(file), 0)
  const firstRaw = [...first].reduce((sum, file) => sum + rawKb(file), 0)
  const cssGz = styles.reduce((sum, url) => sum + gzipKb(toFile(url)), 0)
  const rows: Row[] = [
    row(
      '1',
      `first-screen JS gzipped (entry + ${preloads.length} preloaded)`,
      `${fixed(firstGz)} kB (${fixed(firstRaw, 0)} kB raw)`,
      `≤ ${TARGET_KB} kB`,
      firstGz <= TARGET_KB,
    ),
    row('1', 'first-screen CSS gzipped', `${fixed(cssGz)} kB`),
  ]
  // What the first screen is made of, so that whoever trims it knows where to look.
  const parts = new Map<string, number>()
  for (const file of first) {
    if (!fs.existsSync(`${file}.map`)) continue
    for (const [part, bytes] of chunkParts(file)) parts.set(part, (parts.get(part) ?? 0) + bytes)
  }
  const top = [...parts].sort((a, b) => b[1] - a[1]).slice(0, 8)
  if (top.length > 0) {
    rows.push(
      row(
        '1',
        'first-screen JS by source, kB raw (minified)',
        top.map(([part, bytes]) => `${part} ${fixed(bytes / 1000, 0)}`).join(', '),
      ),
    )
  }
  if (lazy.length === 0) rows.push(row('1', 'lazy JS chunks', 'none: everything loads up front'))
  for (const file of lazy) {
    // Vite names chunks `<name>-<hash>.js`: the name says which part of the app it is.
    rows.push(
      row(
        '1',
        `lazy chunk ${path.basename(file).replace(/-[\w-]{8}\.js$/, '')}`,
        `${fixed(gzipKb(file))} kB gzipped`,
      ),
    )
  }
  return rows
}
