import swagger from '@fastify/swagger'
import apiReference from '@scalar/fastify-api-reference'
import type { FastifyInstance } from 'fastify'
import { jsonSchemaTransform } from 'fastify-type-provider-zod'

/**
 * The reference page starts itself with an inline script and inline styles; it shows no data of
 * ours but the public API description, so only its routes allow inline code, nothing else.
 */
const REFERENCE_PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join(';')

/**
 * The /api contract for people who script the studio: OpenAPI 3.1 at /api/openapi.json, generated
 * from the routes' zod schemas (route-schemas.ts), and a readable reference at /api/docs. Register
 * before the routes: @fastify/swagger collects them as they are added.
 */
export async function apiDocs(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Dailies studio API',
        version: '1',
        description:
          'Everything the studio does in the browser goes through this API. Errors are always ' +
          '`{ error: { code, message, field? } }`. With DAILIES_TOKEN set, send `Authorization: Bearer <token>`.',
      },
      tags: [
        { name: 'jobs', description: 'Renders: create, list, remix, retry, delete' },
        { name: 'media', description: 'The files of a take' },
        { name: 'studio', description: 'What this studio offers' },
        { name: 'session', description: 'Signing in and out, when the studio asks for a token' },
        {
          name: 'review links',
          description:
            'Review links: a reviewer opens `/r/<token>` and reaches the API as `/r/api/…`, held to the shared takes',
        },
      ],
    },
    transform: jsonSchemaTransform,
  })
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger())
  await app.register(apiReference, {
    routePrefix: '/api/docs',
    logLevel: 'warn',
    hooks: {
      preHandler: (_request, reply, done) => {
        reply.header('content-security-policy', REFERENCE_PAGE_CSP)
        done()
      },
    },
    configuration: {
      // The document itself, not its URL: the plugin also serves it at /api/docs/openapi.{json,yaml}
      // and, given a URL, would try to parse the URL string as the document there (a 500).
      content: () => app.swagger(),
      theme: 'default',
      darkMode: true,
      hideClientButton: true,
      // Its default fonts come from a CDN; the page keeps to its own origin.
      withDefaultFonts: false,
    },
  })
}
