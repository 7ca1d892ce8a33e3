import type { FastifyInstance } from 'fastify'

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * Who is asking: the name given at sign-in, set by requireToken from the session. Null on a
     * studio without a token (one user) and for scripts using the Bearer token.
     */
    author: string | null
  }
}

/** Every request starts without an author; requireToken names it from the session. */
export function decorateAuthor(app: FastifyInstance): void {
  app.decorateRequest('author', null)
}
