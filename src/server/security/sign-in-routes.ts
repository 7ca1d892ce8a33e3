import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from '../../lib/zod'
import { authorNameSchema } from '../../contract/session'
import { sameSecret } from '../../lib/same-secret'
import { NAME_COOKIE, rememberName, setSessionCookie, tooManyTries } from './session-cookie'
import type { SignIn } from './sign-in'
import { SIGN_IN_CSS, signInPage, type SignInNotice } from './sign-in-page'

const formSchema = z.object({
  token: z.string().check(z.minLength(1), z.maxLength(1000)),
  name: z._default(z.string().check(z.maxLength(1000)), ''),
})

const NOTICES: Record<string, SignInNotice> = {
  '1': { kind: 'alert', text: 'That token is not the one this studio was started with.' },
  name: { kind: 'alert', text: 'Say who you are (up to 60 characters): your name goes on the takes you make.' },
  'signed-out': { kind: 'status', text: 'You are signed out.' },
  'signed-out-everywhere': { kind: 'status', text: 'Every session is signed out, this one too.' },
}

const wantsPage = (request: FastifyRequest) => (request.headers.accept ?? '').includes('text/html')

/** The sign-in page: a plain form (no script, so the strict CSP holds) trading the token for a session. */
export function signInRoutes(app: FastifyInstance, signIn: SignIn): void {
  app.get('/signin', (request, reply) => {
    const { error, done } = request.query as { error?: string; done?: string }
    const notice = NOTICES[error ?? done ?? ''] ?? null
    const name = request.cookies[NAME_COOKIE] ?? ''
    return reply.type('text/html').header('cache-control', 'no-store').send(signInPage(notice, name))
  })
  app.get('/signin.css', (_request, reply) => reply.type('text/css').send(SIGN_IN_CSS))

  app.post('/signin', async (request, reply) => {
    const address = request.ip
    const verdict = signIn.limiter.check(address)
    if (!verdict.allowed) {
      // Refused before the token is even compared: a guess made while waiting tells nothing.
      const error = tooManyTries(verdict)
      if (!wantsPage(request)) throw error
      return reply
        .status(429)
        .headers(error.headers)
        .type('text/html')
        .header('cache-control', 'no-store')
        .send(signInPage({ kind: 'alert', text: error.message }))
    }
    const form = formSchema.safeParse(request.body)
    if (!form.success) return reply.redirect('/signin?error=1', 303)
    const name = authorNameSchema.safeParse(form.data.name)
    // Kept even when the token is wrong, so the page asks for the name only once.
    const remember = () => (name.success ? rememberName(reply, request, name.data) : undefined)
    const userAgent = request.headers['user-agent']
    if (!sameSecret(form.data.token, signIn.token)) {
      signIn.limiter.failed(address)
      request.log.warn({ address }, 'wrong studio token (sign-in page)')
      await signIn.log.add({ address, outcome: 'wrong_token', userAgent })
      remember()
      return reply.redirect('/signin?error=1', 303)
    }
    signIn.limiter.succeeded(address)
    // The right token, but no name: nothing opens until the person says who they are.
    if (!name.success) return reply.redirect('/signin?error=name', 303)
    await signIn.log.add({ address, outcome: 'signed_in', userAgent })
    // A fresh session id at every sign-in: nothing set before it (session fixation) carries over.
    setSessionCookie(reply, request, await signIn.sessions.open(name.data), signIn.sessionDays)
    remember()
    return reply.redirect('/', 303)
  })
}
