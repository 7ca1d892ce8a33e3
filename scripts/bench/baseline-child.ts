import fs from 'node:fs'
import http from 'node:http'
import { pipeline } from 'node:stream/promises'
import Fastify from 'fastify'
import { parseByteRange } from '../../src/server/media/byte-range'
import { childConfig, serveParent } from './child-runtime'

/**
 * The baselines the studio is measured against, each the least a server could do:
 * - json: a bare Fastify answering the studio's own JSON from memory;
 * - stream: node:http piping fs.createReadStream (default buffer) for whole files and ranges;
 * - upload: node:http piping a request body straight to a file.
 */
export type BaselineChildConfig =
  { mode: 'json' } | { mode: 'stream'; file: string } | { mode: 'upload'; dir: string }

export interface JsonBaselineData {
  jobs: Record<string, unknown>
  list: unknown
}

const config = childConfig<BaselineChildConfig>()

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  return typeof address === 'object' && address ? address.port : 0
}

if (config.mode === 'json') {
  let data: JsonBaselineData = { jobs: {}, list: { items: [], nextCursor: null } }
  const app = Fastify()
  app.get('/api/jobs/:id', (request) => data.jobs[(request.params as { id: string }).id] ?? {})
  app.get('/api/jobs', () => data.list)
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  serveParent(
    {
      port: () => port,
      data: (payload) => {
        data = payload as JsonBaselineData
        return null
      },
    },
    () => app.close(),
  )
} else if (config.mode === 'stream') {
  const { file } = config
  const size = fs.statSync(file).size
  const server = http.createServer((req, res) => {
    const range = parseByteRange(req.headers.range, size)
    if (range === 'unsatisfiable') {
      res.writeHead(416, { 'content-range': `bytes */${size}` }).end()
      return
    }
    const headers = { 'content-type': 'video/mp4', 'accept-ranges': 'bytes' }
    if (range) {
      res.writeHead(206, {
        ...headers,
        'content-range': `bytes ${range.start}-${range.end}/${size}`,
        'content-length': range.end - range.start + 1,
      })
    } else {
      res.writeHead(200, { ...headers, 'content-length': size })
    }
    fs.createReadStream(file, range ?? {}).pipe(res)
  })
  const port = await listen(server)
  serveParent({ port: () => port }, () => new Promise((resolve) => server.close(() => resolve())))
} else {
  const { dir } = config
  let counter = 0
  const server = http.createServer((req, res) => {
    const target = `${dir}/upload-${++counter}`
    pipeline(req, fs.createWriteStream(target)).then(
      () => {
        fs.rmSync(target, { force: true })
        res.writeHead(201, { 'content-type': 'application/json' }).end('{}')
      },
      () => res.writeHead(500).end(),
    )
  })
  const port = await listen(server)
  serveParent({ port: () => port }, () => new Promise((resolve) => server.close(() => resolve())))
}
