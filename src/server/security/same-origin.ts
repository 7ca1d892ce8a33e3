import type { FastifyInstance, FastifyRequest } from 'fastify'
import { ApiError } from '../../contract/errors'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

function isCrossSite(request: FastifyRequest): boolean {
  if (request.headers['sec-fetch-site'] === 'cross-site') return true
  const origin = request.headers.origin
  if (!origin) return false
  try {
    return new URL(origin).host !== request.headers.host
  } catch {
    return true
  }
}

/** Refuses state-changing requests sent by another site's page (CSRF). */
export function refuseCrossSiteWrites(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    if (!SAFE_METHODS.has(request.method) && isCrossSite(request)) {
      done(new ApiError('forbidden', 'Requests from another site may not change anything here'))
      return
    }
    done()
  })
}
