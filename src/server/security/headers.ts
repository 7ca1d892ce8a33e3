import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FastifyInstance } from 'fastify'
import helmet, { type HelmetOptions } from 'helmet'

/** Strict headers on every reply: the app loads only its own code, media from itself and blob:. */
const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'blob:', 'data:'],
      mediaSrc: ["'self'", 'blob:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  referrerPolicy: { policy: 'same-origin' },
  crossOriginEmbedderPolicy: false,
  // Media and images are read by <video> and <img> of the app's own origin only.
  crossOriginResourcePolicy: { policy: 'same-origin' },
}

/**
 * The headers helmet sets for our options. None depends on the request (no nonces), so helmet
 * runs once, on a stand-in response, and every reply gets the same frozen set: the same
 * security properties at the cost of one object copy per request.
 */
export function computeSecurityHeaders(
  options: HelmetOptions = HELMET_OPTIONS,
): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {}
  const response = {
    setHeader(name: string, value: unknown) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value)
      return response
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()]
    },
  }
  let failed: unknown = null
  helmet(options)(
    {} as IncomingMessage,
    response as unknown as ServerResponse,
    (error?: unknown) => {
      failed = error ?? null
    },
  )
  if (failed)
    throw failed instanceof Error ? failed : new Error('helmet refused the security options')
  return Object.freeze(headers)
}

export function securityHeaders(app: FastifyInstance): void {
  const headers = computeSecurityHeaders()
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers)
    done()
  })
}
