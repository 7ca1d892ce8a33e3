import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import Fastify from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { precompressDir } from '../../../scripts/vite-precompress'
import { spaRoutes } from './spa'

const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-dist-'))
// Big enough to be precompressed, as every real chunk is.
const script = `console.log(${JSON.stringify('a fairly repetitive line of code; '.repeat(200))})\n`
const page = `<!doctype html><title>Dailies</title>${'<!-- padding -->'.repeat(100)}`
beforeAll(async () => {
  fs.mkdirSync(path.join(dist, 'assets'))
  fs.writeFileSync(path.join(dist, 'index.html'), page)
  fs.writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), script)
  await precompressDir(dist)
})
afterAll(() => fs.rmSync(dist, { recursive: true, force: true }))

async function studioSpa() {
  const app = Fastify()
  await spaRoutes(app, dist)
  return app
}

const decode: Record<string, (body: Buffer) => Buffer> = {
  br: (body) => zlib.brotliDecompressSync(body),
  gzip: (body) => zlib.gunzipSync(body),
  identity: (body) => body,
}

describe('the built SPA', () => {
  it('caches hashed assets for good, revalidates the page, and falls back to index.html', async () => {
    const app = await studioSpa()
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' })
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const deepLink = await app.inject({ method: 'GET', url: '/some/view?compare=a,b' })
    expect(deepLink.statusCode).toBe(200)
    expect(deepLink.headers['cache-control']).toBe('no-cache')
    expect(deepLink.body).toContain('<title>Dailies</title>')
    const api = await app.inject({ method: 'GET', url: '/api/nothing' })
    expect(api.statusCode).toBe(404)
    expect(api.json()).toMatchObject({ error: { code: 'not_found' } })
    await app.close()
  })

  it('sends the precompressed copy the browser prefers, decoding to the same bytes, with Vary', async () => {
    const app = await studioSpa()
    const cases = [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0.1, gzip;q=0.9', 'gzip'],
      [undefined, 'identity'],
    ] as const
    const etags = new Set<string>()
    for (const [acceptEncoding, expected] of cases) {
      for (const url of ['/assets/index-abc123.js', '/', '/deep/link']) {
        const reply = await app.inject({
          method: 'GET',
          url,
          headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {},
        })
        expect(reply.statusCode, `${url} ${acceptEncoding}`).toBe(200)
        expect(reply.headers['content-encoding'] ?? 'identity', url).toBe(expected)
        expect(reply.headers.vary, url).toMatch(/accept-encoding/i)
        expect(reply.headers['content-type'], url).toMatch(
          url.endsWith('.js') ? /javascript/ : /text\/html/,
        )
        const body = decode[expected]?.(reply.rawPayload).toString()
        expect(body, `${url} ${acceptEncoding}`).toBe(url.endsWith('.js') ? script : page)
        if (url.endsWith('.js')) etags.add(String(reply.headers.etag))
      }
    }
    // One strong validator per representation: a gzip copy never validates the brotli one.
    expect(etags.size).toBe(3)
    await app.close()
  })

  it('answers a revalidation with 304 for the same representation, and index.html is never stale', async () => {
    const app = await studioSpa()
    const headers = { 'accept-encoding': 'br' }
    const first = await app.inject({ method: 'GET', url: '/assets/index-abc123.js', headers })
    const etag = String(first.headers.etag)
    const again = await app.inject({
      method: 'GET',
      url: '/assets/index-abc123.js',
      headers: { ...headers, 'if-none-match': etag },
    })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')

    const home = await app.inject({ method: 'GET', url: '/', headers })
    expect(home.headers['cache-control']).toBe('no-cache')
    const homeAgain = await app.inject({
      method: 'GET',
      url: '/',
      headers: { ...headers, 'if-none-match': String(home.headers.etag) },
    })
    expect(homeAgain.statusCode).toBe(304)
    // A new build changes index.html: the same validator no longer matches.
    fs.writeFileSync(path.join(dist, 'index.html'), page.replace('Dailies', 'Dailies 2'))
    await precompressDir(dist)
    const rebuilt = await app.inject({
      method: 'GET',
      url: '/',
      headers: { ...headers, 'if-none-match': String(home.headers.etag) },
    })
    expect(rebuilt.statusCode).toBe(200)
    expect(zlib.brotliDecompressSync(rebuilt.rawPayload).toString()).toContain('Dailies 2')
    fs.writeFileSync(path.join(dist, 'index.html'), page)
    await precompressDir(dist)
    await app.close()
  })
})
