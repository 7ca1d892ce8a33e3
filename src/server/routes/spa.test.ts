import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Fastify from 'fastify'
import { afterAll, describe, expect, it } from 'vitest'
import { spaRoutes } from './spa'

const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-dist-'))
fs.mkdirSync(path.join(dist, 'assets'))
fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Dailies</title>')
fs.writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), 'console.log(1)')
afterAll(() => fs.rmSync(dist, { recursive: true, force: true }))

describe('the built SPA', () => {
  it('caches hashed assets for good, revalidates the page, and falls back to index.html', async () => {
    const app = Fastify()
    await spaRoutes(app, dist)
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
})
