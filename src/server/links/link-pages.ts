import fsp from 'node:fs/promises'
import path from 'node:path'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from '../../lib/zod'
import { REVIEW_COOKIE, setReviewCookie } from '../security/review-cookie'
import { tooManyTries } from '../security/session-cookie'
import type { SignInLimiter } from '../security/sign-in-limits'
import { LINK_PAGE_CSS, linkPage, type LinkPageContent } from './link-page'
import type { LinkRecord } from './link-repository'
import type { LinkService } from './link-service'
import { passphraseMatches } from './link-secrets'

const formSchema = z.object({ passphrase: z.string().check(z.minLength(1), z.maxLength(1000)) })

export interface LinkPagesDeps {
  links: LinkService
  /** Wrong passphrases count here, per address, as wrong studio tokens do at sign-in. */
  limiter: SignInLimiter
  /** Where the built reviewer page (reviewer.html) lives. */
  distDir: string
}

function page(reply: FastifyReply, status: number, content: LinkPageContent) {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(linkPage(content))
}

const noReferrerHook = (_request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: null, payload: unknown) => void) => {
  reply.header('referrer-policy', 'no-referrer')
  done(null, payload)
}

type Opened = { link: LinkRecord } | { status: number; content: LinkPageContent }

/** The link a token opens, or the page saying why it opens nothing. */
async function open(token: string, links: LinkService): Promise<Opened> {
  const link = await links.byToken(token)
  if (!link)
    return { status: 404, content: { title: 'No such review link', lines: ['Check that the address is complete, or ask for a new link.'] } }
  const state = links.state(link)
  if (state === 'revoked')
    return { status: 401, content: { title: 'This review link was revoked', lines: ['Whoever shared it has withdrawn it. Ask them for a new link.'] } }
  if (state === 'expired') {
    const until = `It was good until ${link.expiresAt.slice(0, 10)}. Ask for a new link.`
    return { status: 410, content: { title: 'This review link has expired', lines: [until] } }
  }
  return { link }
}

const passphrasePage = (token: string, alert: string | null): LinkPageContent => ({
  title: 'Review',
  lines: ['This review link asks for a passphrase. Whoever shared it can tell you.'],
  passphraseForm: { action: `/r/${token}`, alert },
})

/**
 * `/r/<token>`: the address a reviewer is sent. It opens a reviewer session for this browser (after
 * the passphrase, if the link has one) and shows the reviewer page, or says why it cannot.
 */
export function linkPages(app: FastifyInstance, deps: LinkPagesDeps): void {
  const { links, limiter } = deps

  const hasSessionFor = async (request: FastifyRequest, link: LinkRecord) => {
    const cookie = request.cookies[REVIEW_COOKIE]
    return cookie !== undefined && (await links.session(cookie))?.link.id === link.id
  }

  const reviewerPage = async (reply: FastifyReply) => {
    const html = await fsp.readFile(path.join(deps.distDir, 'reviewer.html'), 'utf8').catch(() => null)
    if (html === null)
      return reply.status(503).type('text/plain').send('The studio is not built yet: run `npm run build`.')
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html)
  }

  const openFor = async (request: FastifyRequest, reply: FastifyReply, link: LinkRecord) => {
    setReviewCookie(reply, request, await links.openSession(link), new Date(link.expiresAt))
  }

  app.get('/r/page.css', { schema: { hide: true } }, (_request, reply) => reply.type('text/css').send(LINK_PAGE_CSS))

  // The pages' address holds the token: no reply under it tells another site where it came from.
  const noReferrer = { schema: { hide: true }, onSend: noReferrerHook }

  app.get('/r/:token', noReferrer, async (request, reply) => {
    const { token } = request.params as { token: string }
    const opened = await open(token, links)
    if (!('link' in opened)) return page(reply, opened.status, opened.content)
    const { link } = opened
    if (await hasSessionFor(request, link)) return reviewerPage(reply)
    // A click from another site (mail, chat) does not send SameSite=Strict cookies: reload once
    // from here, so a browser that already gave the passphrase is not asked again.
    if (request.headers['sec-fetch-site'] === 'cross-site' && request.cookies[REVIEW_COOKIE])
      return page(reply, 200, { title: 'Review', lines: ['Opening…'], refreshTo: `/r/${token}` })
    if (link.passphraseHash) return page(reply, 200, passphrasePage(token, null))
    await openFor(request, reply, link)
    return reviewerPage(reply)
  })

  app.post('/r/:token', noReferrer, async (request, reply) => {
    const { token } = request.params as { token: string }
    const opened = await open(token, links)
    if (!('link' in opened)) return page(reply, opened.status, opened.content)
    const { link } = opened
    if (!link.passphraseHash) return reply.redirect(`/r/${token}`, 303)
    const verdict = limiter.check(request.ip)
    // Refused before the passphrase is even compared: a guess made while waiting tells nothing.
    if (!verdict.allowed) {
      const error = tooManyTries(verdict, 'passphrases')
      return page(reply.headers(error.headers), 429, passphrasePage(token, error.message))
    }
    const form = formSchema.safeParse(request.body)
    if (!form.success || !(await passphraseMatches(form.data.passphrase, link.passphraseHash))) {
      limiter.failed(request.ip)
      request.log.warn({ address: request.ip, link: link.id }, 'wrong review link passphrase')
      return page(reply, 401, passphrasePage(token, 'That is not the passphrase of this link.'))
    }
    limiter.succeeded(request.ip)
    await openFor(request, reply, link)
    return reply.redirect(`/r/${token}`, 303)
  })
}
