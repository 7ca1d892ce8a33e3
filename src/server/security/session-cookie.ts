import type { FastifyReply, FastifyRequest } from 'fastify'
import { ApiError } from '../../contract/errors'
import type { SignInVerdict } from './sign-in-limits'

export const SESSION_COOKIE = 'dailies_session'

/** httpOnly, SameSite=Strict, and Secure whenever the browser reached us over HTTPS. */
function cookieOptions(request: FastifyRequest) {
  // request.protocol follows X-Forwarded-Proto only when DAILIES_TRUST_PROXY trusts the sender.
  return {
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: request.protocol === 'https',
    path: '/',
  }
}

export function setSessionCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  value: string,
  days: number,
): void {
  reply.setCookie(SESSION_COOKIE, value, {
    ...cookieOptions(request),
    maxAge: Math.round(days * 86_400),
  })
}

/** The name given at sign-in, kept a year so the page asks it only once per browser. */
export const NAME_COOKIE = 'dailies_name'

export function rememberName(reply: FastifyReply, request: FastifyRequest, name: string): void {
  reply.setCookie(NAME_COOKIE, name, { ...cookieOptions(request), path: '/signin', maxAge: 365 * 86_400 })
}

export function clearSessionCookie(reply: FastifyReply, request: FastifyRequest): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request))
}

/** The 429 every refused try gets, with Retry-After and the error envelope. */
export function tooManyTries(
  verdict: Extract<SignInVerdict, { allowed: false }>,
  what: 'tokens' | 'passphrases' = 'tokens',
): ApiError {
  const who = verdict.scope === 'address' ? 'from your address' : 'from many addresses'
  return new ApiError(
    'rate_limited',
    `Too many wrong ${what} ${who}. Try again in ${verdict.retryAfterSeconds} s.`,
    undefined,
    { 'retry-after': String(verdict.retryAfterSeconds) },
  )
}
