import { createHmac, timingSafeEqual } from 'node:crypto'
import cookie from '@fastify/cookie'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { ApiError } from '../errors'
import { SIGN_IN_CSS, signInPage } from './sign-in-page'

export const SESSION_COOKIE = 'dailies_session'
const OPEN_PATHS = new Set(['/api/health'])

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

/**
 * With DAILIES_TOKEN set, every /api request needs it: as a Bearer token, or as the session cookie
 * the sign-in page trades it for (httpOnly, SameSite=Strict), so <video> and the app work unchanged.
 */
export async function requireToken(app: FastifyInstance, token: string): Promise<void> {
  // The cookie holds a value derived from the token, so the token itself never sits in a browser.
  const sessionValue = createHmac('sha256', token).update('dailies-session-v1').digest('base64url')
  await app.register(cookie)

  const authorised = (request: FastifyRequest): boolean => {
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1]
    if (bearer && sameSecret(bearer, token)) return true
    const session = request.cookies[SESSION_COOKIE]
    return session !== undefined && sameSecret(session, sessionValue)
  }

  app.addHook('onRequest', (request, _reply, done) => {
    const path = request.url.split('?')[0] ?? ''
    if (!path.startsWith('/api/') || OPEN_PATHS.has(path) || authorised(request)) {
      done()
      return
    }
    done(new ApiError('unauthorized', 'Sign in to the studio first'))
  })

  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 4096 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  )
  app.get('/signin', (request, reply) => {
    const failed = (request.query as { error?: string }).error === '1'
    return reply.type('text/html').header('cache-control', 'no-store').send(signInPage(failed))
  })
  app.get('/signin.css', (_request, reply) => reply.type('text/css').send(SIGN_IN_CSS))
  app.post('/signin', (request, reply) => {
    const body = z.object({ token: z.string().min(1).max(1000) }).safeParse(request.body)
    if (!body.success || !sameSecret(body.data.token, token)) return reply.redirect('/signin?error=1', 303)
    return reply
      .setCookie(SESSION_COOKIE, sessionValue, {
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
        path: '/',
        maxAge: 60 * 60 * 24 * 30,
      })
      .redirect('/', 303)
  })
}
