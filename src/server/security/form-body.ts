import type { FastifyInstance } from 'fastify'

/** The plain HTML forms (sign-in, a review link's passphrase) post small url-encoded bodies. */
export function acceptForms(app: FastifyInstance): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 4096 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  )
}
