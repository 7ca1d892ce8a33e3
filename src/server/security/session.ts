import cookie from '@fastify/cookie'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { ApiError } from '../../contract/errors'
import { sameSecret } from '../../lib/same-secret'
import { SESSION_COOKIE, setSessionCookie, tooManyTries } from './session-cookie'
import type { SignIn } from './sign-in'
import { signInRoutes } from './sign-in-routes'

const OPEN_PATHS = new Set(['/api/health'])

/**
 * With DAILIES_TOKEN set, every /api request needs it: as a Bearer token, or as a session the
 * sign-in page opens for it (an httpOnly, SameSite=Strict cookie), so <video> and the app work
 * unchanged. A wrong Bearer token counts against the same limits as a wrong sign-in.
 */
export async function requireToken(app: FastifyInstance, signIn: SignIn): Promise<void> {
  await app.register(cookie)

  const authorise = (request: FastifyRequest, renew: (value: string) => void): ApiError | null => {
    const session = request.cookies[SESSION_COOKIE]
    if (session) {
      const state = signIn.sessions.check(session)
      if (state === 'renewed') renew(session)
      if (state !== 'unknown') return null
    }
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1]
    if (bearer === undefined) return new ApiError('unauthorized', 'Sign in to the studio first')
    const verdict = signIn.limiter.check(request.ip)
    if (!verdict.allowed) return tooManyTries(verdict)
    if (sameSecret(bearer, signIn.token)) {
      signIn.limiter.succeeded(request.ip)
      return null
    }
    signIn.limiter.failed(request.ip)
    signIn.log.add({
      address: request.ip,
      outcome: 'wrong_bearer',
      userAgent: request.headers['user-agent'],
    })
    return new ApiError('unauthorized', 'That token is not the one this studio was started with')
  }

  app.addHook('onRequest', (request, reply, done) => {
    const path = request.url.split('?')[0] ?? ''
    if (!path.startsWith('/api/') || OPEN_PATHS.has(path)) {
      done()
      return
    }
    // A session in use is renewed (sliding lifetime): the cookie's own expiry moves with it.
    const refused = authorise(request, (value) =>
      setSessionCookie(reply, request, value, signIn.sessionDays),
    )
    if (refused) done(refused)
    else done()
  })

  signInRoutes(app, signIn)
}
