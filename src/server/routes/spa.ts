import fs from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { ApiError } from '../../contract/errors'

const IMMUTABLE = 'public, max-age=31536000, immutable'

/**
 * The built SPA from one port with /api; unknown non-API paths fall back to index.html.
 * `vite build` wrote a `.br` and a `.gz` beside every text file (scripts/vite-precompress.ts):
 * the copy the browser's Accept-Encoding prefers is sent as is, never compressed per request.
 * Hashed files are cached for good; index.html (which names them) is revalidated every time.
 */
export async function spaRoutes(app: FastifyInstance, distDir: string): Promise<void> {
  const hasBuild = fs.existsSync(path.join(distDir, 'index.html'))
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      preCompressed: true,
      // Our own header below; the plugin's default would overwrite it with max-age=0.
      cacheControl: false,
      setHeaders: (res, filePath) => {
        const hashedAsset = filePath.includes(`${path.sep}assets${path.sep}`)
        res.setHeader('cache-control', hashedAsset ? IMMUTABLE : 'no-cache')
        // Which copy was sent depends on Accept-Encoding: a cache must key on it too.
        res.setHeader('vary', 'accept-encoding')
      },
    })
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      const error = new ApiError('not_found', `No such endpoint: ${request.method} ${request.url.split('?')[0]}`)
      return reply.status(404).send(error.toEnvelope())
    }
    if (!hasBuild) {
      return reply
        .type('text/plain')
        .status(503)
        .send('The studio is not built yet: run `npm run build` (npm start does it for you).')
    }
    return reply.sendFile('index.html')
  })
}
