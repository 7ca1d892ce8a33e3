import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** One provider request as the proxy saw it: which replica sent it (its path prefix), and about what. */
export interface ProviderRequest {
  replica: string
  kind: 'create' | 'poll' | 'download' | 'other'
  videoId: string | null
  variant: string | null
}

/** What the provider was asked, counted at the network edge (every replica's requests pass here). */
export interface ProviderTraffic {
  creates: number
  polls: number
  downloads: number
  /** The most requests about one video in flight at once (polls and downloads). */
  maxPerVideo: number
  /** The most polls and downloads in flight at once, all replicas together. */
  maxInFlight: number
}

export interface CountingProxy {
  /** The base URL a replica named `replica` should use as its provider. */
  urlFor(replica: string): string
  traffic: ProviderTraffic
  close(): Promise<void>
}

function classify(method: string, pathname: string): Omit<ProviderRequest, 'replica' | 'variant'> {
  const match = /^\/v1\/videos(?:\/([^/]+)(\/content)?)?$/.exec(pathname)
  if (!match) return { kind: 'other', videoId: null }
  const [, videoId = null, content] = match
  if (method === 'POST' && videoId === null) return { kind: 'create', videoId: null }
  if (method === 'GET' && videoId !== null) return { kind: content ? 'download' : 'poll', videoId }
  return { kind: 'other', videoId }
}

/**
 * A small HTTP proxy in front of the simulator for multi-replica tests: replica `r1` talks to
 * `<proxy>/r1/v1/…`, forwarded to the simulator's `/v1/…`. It counts creates and, per video, the
 * polls and downloads in flight (a request ends when its reply is done or its client is gone, as
 * when a replica is killed). `onFirstBytes` runs once a download's first body bytes were passed
 * on, e.g. to kill the replica mid-archive.
 */
export async function startCountingProxy(
  target: string,
  onFirstBytes: (request: ProviderRequest) => void = () => {},
): Promise<CountingProxy> {
  const upstream = new URL(target)
  const traffic: ProviderTraffic = { creates: 0, polls: 0, downloads: 0, maxPerVideo: 0, maxInFlight: 0 }
  const perVideo = new Map<string, number>()
  let inFlight = 0

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://proxy')
    const [, replica = '', ...rest] = url.pathname.split('/')
    const pathname = `/${rest.join('/')}`
    const request: ProviderRequest = { replica, ...classify(req.method ?? 'GET', pathname), variant: url.searchParams.get('variant') }
    if (request.kind === 'create') traffic.creates += 1
    if (request.kind === 'poll') traffic.polls += 1
    if (request.kind === 'download') traffic.downloads += 1
    const counted = (request.kind === 'poll' || request.kind === 'download') && request.videoId !== null
    if (counted) {
      const mine = (perVideo.get(request.videoId!) ?? 0) + 1
      perVideo.set(request.videoId!, mine)
      traffic.maxPerVideo = Math.max(traffic.maxPerVideo, mine)
      traffic.maxInFlight = Math.max(traffic.maxInFlight, ++inFlight)
      res.once('close', () => {
        perVideo.set(request.videoId!, (perVideo.get(request.videoId!) ?? 1) - 1)
        inFlight -= 1
      })
    }
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: `${pathname}${url.search}`, headers: { ...req.headers, host: upstream.host } },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers)
        let first = true
        reply.on('data', (chunk: Buffer) => {
          res.write(chunk)
          if (first && request.kind === 'download') {
            first = false
            onFirstBytes(request)
          }
        })
        reply.on('end', () => res.end())
        reply.on('error', () => res.destroy())
      },
    )
    forward.on('error', () => res.destroy())
    res.once('close', () => forward.destroy())
    req.pipe(forward)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    urlFor: (replica) => `http://127.0.0.1:${port}/${replica}${upstream.pathname}`,
    traffic,
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
