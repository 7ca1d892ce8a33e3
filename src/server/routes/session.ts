import type { FastifyInstance } from 'fastify'
import type { SessionInfo } from '../../contract/session'
import { clearSessionCookie, SESSION_COOKIE } from '../security/session-cookie'
import type { SignIn } from '../security/sign-in'
import { ROUTE_SCHEMAS } from './route-schemas'

const SIGN_INS_SHOWN = 20

/**
 * GET /api/session tells the app whether this studio asks for a token and shows a signed-in user
 * the latest sign-ins; the two sign-outs end this browser's session or every one.
 */
export function sessionRoutes(app: FastifyInstance, signIn: SignIn | null): void {
  app.get('/api/session', { schema: ROUTE_SCHEMAS.session }, async (request): Promise<SessionInfo> => {
    if (!signIn) return { protected: false, sessionDays: null, signIns: [], name: null }
    return {
      protected: true,
      sessionDays: signIn.sessionDays,
      signIns: await signIn.log.recent(SIGN_INS_SHOWN),
      name: request.author,
    }
  })
  if (!signIn) return

  app.post('/api/session/sign-out', { schema: ROUTE_SCHEMAS.signOut }, async (request, reply) => {
    const session = request.cookies[SESSION_COOKIE]
    if (session) await signIn.sessions.close(session)
    await signIn.log.add({
      address: request.ip,
      outcome: 'signed_out',
      userAgent: request.headers['user-agent'],
    })
    clearSessionCookie(reply, request)
    return reply.status(204).send()
  })

  app.post('/api/session/sign-out-everywhere', { schema: ROUTE_SCHEMAS.signOutEverywhere }, async (request, reply) => {
    await signIn.sessions.closeAll()
    await signIn.log.add({
      address: request.ip,
      outcome: 'signed_out_everywhere',
      userAgent: request.headers['user-agent'],
    })
    clearSessionCookie(reply, request)
    return reply.status(204).send()
  })
}
