import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FastifyInstance, RouteOptions } from 'fastify'
import helmet, { type HelmetOptions } from 'helmet'
import { isZod } from '../serializer'

/** What every reply carries, whatever it is. */
const EVERY_REPLY = {
  referrerPolicy: { policy: 'same-origin' },
  crossOriginEmbedderPolicy: false,
  // Media and images are read by <video> and <img> of the app's own origin only.
  crossOriginResourcePolicy: { policy: 'same-origin' },
} satisfies HelmetOptions

/** Pages and files: the app loads only its own code, media from itself and blob:. */
const PAGE_HEADERS: HelmetOptions = {
  ...EVERY_REPLY,
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
}

/**
 * JSON replies are never documents: nothing may load or run in one (`default-src 'none'`, as
 * OWASP's REST guidance and GitHub's API do), and the headers that only steer a document (its
 * agent cluster, DNS prefetch, old IE's download and XSS filters, Flash's policy files) are left
 * off. The rest is the pages' set: no framing, nosniff, HSTS, the referrer, resource and opener
 * policies. Half the bytes of the page set, on the replies every tab polls.
 */
const JSON_HEADERS: HelmetOptions = {
  ...EVERY_REPLY,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  },
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
}

/**
 * The headers helmet sets for some options. None depends on the request (no nonces), so helmet
 * runs once, on a stand-in response, and every reply gets the same frozen set: the same
 * security properties at the cost of one object copy per request.
 */
export function computeSecurityHeaders(
  options: HelmetOptions = PAGE_HEADERS,
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

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every success reply of the route is JSON (set from its schema by securityHeaders). */
    repliesJson?: boolean
  }
}

/** Whether every success reply a route declares is JSON written from a zod schema. */
function repliesJson(route: RouteOptions): boolean {
  const replies = Object.entries((route.schema?.response ?? {}) as Record<string, unknown>)
  const successes = replies.filter(([status]) => status.startsWith('2'))
  return successes.length > 0 && successes.every(([, schema]) => isZod(schema))
}

/**
 * Security headers on every reply, set first (before any hook can refuse the request): JSON
 * replies get the JSON set, everything else (pages, files, the not-found page) the page set.
 */
export function securityHeaders(app: FastifyInstance): void {
  const page = computeSecurityHeaders(PAGE_HEADERS)
  const json = computeSecurityHeaders(JSON_HEADERS)
  app.addHook('onRoute', (route) => {
    if (repliesJson(route)) route.config = { ...route.config, repliesJson: true }
  })
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(request.routeOptions.config?.repliesJson ? json : page)
    done()
  })
}
