import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { ApiError } from '../../contract/errors'
import { sameSecret } from '../../lib/same-secret'
import { isReviewPath } from './review-scope'
import { SESSION_COOKIE, setSessionCookie, tooManyTries } from './session-cookie'
import type { SignIn } from './sign-in'
import { signInRoutes } from './sign-in-routes'

const OPEN_PATHS = new Set(['/api/health'])
/** Paths outside /api that need the token all the same. */
const GUARDED_PATHS = new Set(['/metrics'])

const isPageVisit = (request: FastifyRequest, path: string) =>
  request.method === 'GET' &&
  !path.startsWith('/signin') &&
  (request.headers.accept ?? '').includes('text/html')

/**
 * With DAILIES_TOKEN set, every /api request needs it: as a Bearer token, or as a session the
 * sign-in page opens for it (an httpOnly, SameSite=Strict cookie), so <video> and the app work
 * unchanged. A wrong Bearer token counts against the same limits as a wrong sign-in.
 * @fastify/cookie is registered by buildApp.
 */
export function requireToken(app: FastifyInstance, signIn: SignIn): void {
  // A session in use is renewed (sliding lifetime): the cookie's own expiry moves with it.
  const hasSession = async (request: FastifyRequest, reply: FastifyReply): Promise<boolean> => {
    const session = request.cookies[SESSION_COOKIE]
    if (!session) return false
    const signedIn = await signIn.sessions.signedIn(session)
    if (!signedIn) return false
    if (signedIn.renewed) setSessionCookie(reply, request, session, signIn.sessionDays)
    request.author = signedIn.name
    return true
  }

  const authorise = async (request: FastifyRequest, reply: FastifyReply): Promise<ApiError | null> => {
    if (await hasSession(request, reply)) return null
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1]
    if (bearer === undefined) return new ApiError('unauthorized', 'Sign in to the studio first')
    const verdict = signIn.limiter.check(request.ip)
    if (!verdict.allowed) return tooManyTries(verdict)
    if (sameSecret(bearer, signIn.token)) {
      signIn.limiter.succeeded(request.ip)
      return null
    }
    signIn.limiter.failed(request.ip)
    // Seen by whoever reads the server log too; the token itself is never logged.
    request.log.warn({ address: request.ip }, 'wrong studio token (Bearer)')
    await signIn.log.add({
      address: request.ip,
      outcome: 'wrong_bearer',
      userAgent: request.headers['user-agent'],
    })
    return new ApiError('unauthorized', 'That token is not the one this studio was started with')
  }

  app.addHook('onRequest', async (request, reply) => {
    // Review links (/r/<token> and the reviewer's /r/api) are let in by review-scope, never by this.
    if (isReviewPath(request)) return
    const path = request.url.split('?')[0] ?? ''
    if (!path.startsWith('/api/') && !GUARDED_PATHS.has(path)) {
      // Opening the studio without a session goes straight to the sign-in page, not to an app
      // whose every request would be refused. Scripts, styles and images are not pages.
      if (isPageVisit(request, path) && !(await hasSession(request, reply)))
        return reply.redirect('/signin', 303)
      return
    }
    if (OPEN_PATHS.has(path)) return
    const refused = await authorise(request, reply)
    if (refused) throw refused
  })

  signInRoutes(app, signIn)
}
