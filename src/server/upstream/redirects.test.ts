import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { buffer } from 'node:stream/consumers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUpstream } from './create-upstream'

/**
 * Redirects over real sockets, without msw: Node's own fetch (undici) decides what a redirect
 * carries, and msw's redirect emulation differs from it (a 301 without Location, for one).
 */

const KEY = 'sk-test-redirect-key'
const seen: { host: string; path: string; authorization: string | undefined }[] = []

function serve(
  handler: http.RequestListener,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(handler)
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(() => done())),
      })
    })
  })
}

let api: Awaited<ReturnType<typeof serve>>
let files: Awaited<ReturnType<typeof serve>>
const bytes = Buffer.concat([
  Buffer.from([0, 0, 0, 0x18]),
  Buffer.from('ftypmp42'),
  Buffer.alloc(4096, 7),
])

beforeAll(async () => {
  files = await serve((req, res) => {
    seen.push({ host: 'files', path: req.url ?? '', authorization: req.headers.authorization })
    res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(bytes.length) })
    res.end(bytes)
  })
  api = await serve((req, res) => {
    seen.push({ host: 'api', path: req.url ?? '', authorization: req.headers.authorization })
    if (req.url?.startsWith('/v1/videos/video_1/content')) {
      res.writeHead(302, { location: `${files.url}/signed/video_1.mp4?sig=abc` })
      res.end()
    } else if (req.url?.startsWith('/v1/videos/video_same/content')) {
      res.writeHead(307, { location: '/blobs/video_same.mp4' })
      res.end()
    } else if (req.url === '/blobs/video_same.mp4') {
      res.writeHead(200, { 'content-type': 'video/mp4' })
      res.end(bytes)
    } else {
      res.writeHead(301, { 'content-type': 'text/html' })
      res.end('<html><body><h1>301 Moved Permanently</h1></body></html>')
    }
  })
})

afterAll(async () => {
  await api.close()
  await files.close()
})

const upstream = () =>
  createUpstream({ baseURL: `${api.url}/v1`, apiKey: KEY })

describe('download redirects over real HTTP', () => {
  it('follows a 302 to another origin, streaming the bytes, and the key stays behind', async () => {
    seen.length = 0
    const content = await upstream().download('video_1', 'video')
    expect(content).toMatchObject({ contentType: 'video/mp4', contentLength: bytes.length })
    expect((await buffer(content.body)).equals(bytes)).toBe(true)
    expect(seen).toEqual([
      {
        host: 'api',
        path: '/v1/videos/video_1/content?variant=video',
        authorization: `Bearer ${KEY}`,
      },
      { host: 'files', path: '/signed/video_1.mp4?sig=abc', authorization: undefined },
    ])
  })

  it('follows a 307 to another path on the same host', async () => {
    const content = await upstream().download('video_same', 'video')
    expect((await buffer(content.body)).equals(bytes)).toBe(true)
  })

  it('reads an HTML 301 without a Location as a web page, not a network fault', async () => {
    seen.length = 0
    const error = await upstream()
      .retrieve('video_1')
      .catch((e: unknown) => e)
    expect(error).toMatchObject({
      kind: 'bad_response',
      message: `The provider answered with a web page instead of the API's JSON (HTTP 301) — check DAILIES_UPSTREAM_URL (now ${api.url}/v1).`,
    })
    expect(seen).toHaveLength(1)
  })
})
