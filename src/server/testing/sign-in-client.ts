import type { FastifyInstance } from 'fastify'
import type { SignInConfig } from '../config'

/** A strong studio token, as `node -e "console.log(crypto.randomBytes(32).toString('base64url'))"` makes one. */
export const STRONG_TOKEN = 'v7Qm2xTgR-9kLpZ4bWc1NsYe8HdAuJf3oKiE6tXrM0q'

export const TIGHT_LIMITS: SignInConfig = {
  sessionDays: 7,
  triesPerAddress: 3,
  maxWaitSeconds: 8,
  globalFailuresPerHour: 10,
}

/** A clock the test moves by hand. */
export function fakeClock(start = '2026-12-01T10:00:00Z') {
  let now = Date.parse(start)
  return {
    now: () => new Date(now),
    advance: (ms: number) => void (now += ms),
  }
}

type Headers = Record<string, string>

/** Drives the sign-in page and the API as a browser or a script at `address` would. */
export function signInClient(app: FastifyInstance) {
  return {
    /** As the sign-in page sends it: a name (remembered by the browser) and the token. */
    signIn: (address: string, token: string, headers: Headers = {}, name = 'Ana') =>
      app.inject({
        method: 'POST',
        url: '/signin',
        remoteAddress: address,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        payload: new URLSearchParams({ name, token }).toString(),
      }),
    bearer: (address: string, token: string) =>
      app.inject({
        method: 'GET',
        url: '/api/jobs',
        remoteAddress: address,
        headers: { authorization: `Bearer ${token}` },
      }),
    withCookie: (cookie: string, method: 'GET' | 'POST' = 'GET', url = '/api/jobs') =>
      app.inject({ method, url, headers: { cookie } }),
  }
}

/** The `name=value` part of a reply's session cookie, or '' when it set none. */
export function sessionCookieOf(reply: {
  headers: Record<string, string | string[] | number | undefined>
}): string {
  const header = reply.headers['set-cookie']
  const first = String((Array.isArray(header) ? header[0] : header) ?? '')
  return first.startsWith('dailies_session=') ? (first.split(';')[0] ?? '') : ''
}
