import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { ApiError } from '../../contract/errors'
import { REVIEW_API_PREFIX } from '../../contract/links'
import type { LinkScope, LinkService } from '../links/link-service'
import { confineToScope } from './review-confine'
import { REVIEW_COOKIE } from './review-cookie'

/**
 * What a review link may do, decided before any route runs. A reviewer's browser reaches the API
 * only as `/r/api/…` (its link cookie is path-scoped to /r), which is routed as `/api/…` and judged
 * here by the link alone: the studio's token or session, if also sent, counts for nothing there.
 *
 * Every route a link may use is listed in RULES; any other route answers 403 (so a route added
 * later is refused until someone decides otherwise). Reads of a take outside the link's set answer
 * 404, as if it did not exist; lists answer only the set; replies carry no cost or provider ids.
 */
type Rule =
  /** `:id` must be one of the link's takes. */
  | 'take'
  /** As 'take', and the link must allow notes and verdicts. */
  | 'take-comment'
  /** The list of takes: answered here with the link's takes. */
  | 'takes-list'
  /** `:id` must be the link's reel. */
  | 'reel'
  /** The link's reel's film, while it is made of the reel's takes as they are now. */
  | 'reel-film'
  /** The list of reels: the link's reel only. */
  | 'reels-list'
  /** The reviewer's own view: what the link shares, and their name. */
  | 'reviewer'

export const REVIEW_RULES: Readonly<Record<string, Rule>> = {
  'GET /api/jobs': 'takes-list',
  'GET /api/jobs/:id': 'take',
  'GET /api/jobs/:id/:asset': 'take',
  'GET /api/jobs/:id/frame': 'take',
  'GET /api/jobs/:id/notes': 'take',
  'POST /api/jobs/:id/notes': 'take-comment',
  // Only the reviewer's own notes: the review service checks whose each note is (403 otherwise).
  'PATCH /api/jobs/:id/notes/:noteId': 'take-comment',
  'DELETE /api/jobs/:id/notes/:noteId': 'take-comment',
  'PUT /api/jobs/:id/verdict': 'take-comment',
  'GET /api/reels': 'reels-list',
  'GET /api/reels/:id': 'reel',
  'GET /api/reels/:id/video': 'reel-film',
  'GET /api/review-link': 'reviewer',
  'PUT /api/review-link/reviewer': 'reviewer',
}

/** How a link request to `method route` is treated: its rule, or 'refused' (403). */
export function reviewRuleFor(method: string, route: string): Rule | 'refused' {
  // HEAD routes are Fastify's copies of GET routes.
  return REVIEW_RULES[`${method === 'HEAD' ? 'GET' : method} ${route}`] ?? 'refused'
}

/** The link, its takes and its reviewer, on a request made through a review link. */
export interface RequestReview extends LinkScope {
  reviewer: string | null
  sessionHash: string
}

export interface ReviewRoute {
  method: string
  url: string
  rule: Rule | 'refused'
}

declare module 'fastify' {
  interface FastifyRequest {
    review: RequestReview | null
  }
  interface FastifyInstance {
    /** Every /api route and how a review link is treated there (tests walk all of them). */
    reviewRoutes: () => readonly ReviewRoute[]
  }
}

const isUnder = (url: string, prefix: string) =>
  url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`)

/** Fastify's rewriteUrl: `/r/api/…` is served by the `/api/…` routes (judged by this hook). */
export function routeReviewApi(url: string): string {
  return isUnder(url, REVIEW_API_PREFIX) ? url.slice(REVIEW_API_PREFIX.length - '/api'.length) : url
}

/** Requests the studio's own sign-in leaves alone: the review pages and the reviewer's API. */
export const isReviewPath = (request: FastifyRequest) => isUnder(request.originalUrl, '/r')

const isReviewApi = (request: FastifyRequest) => isUnder(request.originalUrl, REVIEW_API_PREFIX)

async function reviewOf(request: FastifyRequest, links: LinkService): Promise<RequestReview> {
  const cookie = request.cookies[REVIEW_COOKIE]
  if (!cookie) throw new ApiError('unauthorized', 'Open the review link first')
  const session = await links.session(cookie)
  if (!session) throw new ApiError('unauthorized', 'This review session has ended: open the review link again')
  const state = links.state(session.link)
  if (state === 'revoked') throw new ApiError('unauthorized', 'This review link was revoked by whoever shared it')
  if (state === 'expired')
    throw new ApiError('gone', `This review link expired on ${session.link.expiresAt.slice(0, 10)}`)
  await links.touch(session.link)
  return { ...(await links.scope(session.link)), reviewer: session.reviewer, sessionHash: session.idHash }
}

function judge(request: FastifyRequest, review: RequestReview): void {
  const route = request.routeOptions.url
  // No route: the not-found handler answers 404 and shows nothing.
  if (route === undefined) return
  const rule = reviewRuleFor(request.method, route)
  const id = (request.params as { id?: unknown } | null)?.id
  switch (rule) {
    case 'refused':
      throw new ApiError('forbidden', 'A review link cannot do this')
    case 'take':
    case 'take-comment':
      // Not even the id asked for is echoed: a link's replies name only its own takes.
      if (typeof id !== 'string' || !review.jobIds.includes(id))
        throw new ApiError('not_found', 'There is no such take in this review')
      if (rule === 'take-comment' && review.link.permission !== 'comment')
        throw new ApiError('forbidden', 'This review link is for watching: it cannot add notes or verdicts')
      return
    case 'reel':
    case 'reel-film':
      if (typeof id !== 'string' || review.reel?.id !== id)
        throw new ApiError('not_found', 'There is no such reel in this review')
      if (rule === 'reel-film' && !review.reel.video)
        throw new ApiError('not_found', 'This reel has no film made of its takes as they are now')
      return
    case 'takes-list':
    case 'reels-list':
    case 'reviewer':
      return
  }
}

export interface ReviewScopeDeps {
  links: LinkService
  /** The link's takes as the list route presents them (deleted ones left out), in play order. */
  listTakes: (review: RequestReview) => Promise<unknown[]>
  /** The link's reel as the reels list presents it, or nothing when it shares takes. */
  listReels: (review: RequestReview) => Promise<unknown[]>
}

export function reviewScope(app: FastifyInstance, deps: ReviewScopeDeps): void {
  app.decorateRequest('review', null)
  const routes: ReviewRoute[] = []
  app.decorate('reviewRoutes', () => routes)
  app.addHook('onRoute', (route) => {
    if (!isUnder(route.url, '/api')) return
    for (const method of [route.method].flat())
      routes.push({ method, url: route.url, rule: reviewRuleFor(method, route.url) })
  })

  // Callback hooks, not async ones: every studio request passes here, and only a link's pays for
  // a promise (docs/benchmarks.md, reads).
  app.addHook('onRequest', (request, reply, done) => {
    if (!isReviewApi(request)) return done()
    admitReviewer(request, reply, deps).then(() => done(), done)
  })

  // Notes written through a link carry the name its reviewer gave, whatever the body says.
  app.addHook('preValidation', (request, _reply, done) => {
    const name = request.review?.reviewer
    const body = request.body
    const isNote = request.method === 'POST' && request.routeOptions.url === '/api/jobs/:id/notes'
    if (name && isNote && body && typeof body === 'object') Object.assign(body, { author: name })
    done()
  })

  // Fastify runs this hook for objects only: a route that sends JSON it wrote itself (a string:
  // routes/written-replies.ts) must give a link's request the object instead.
  app.addHook('preSerialization', (request, _reply, payload: unknown, done) => {
    done(null, request.review ? confineToScope(payload, new Set(request.review.jobIds)) : payload)
  })
}

/** Judges a request made through a review link, and answers a link's lists itself. */
async function admitReviewer(request: FastifyRequest, reply: FastifyReply, deps: ReviewScopeDeps): Promise<void> {
  const review = await reviewOf(request, deps.links)
  judge(request, review)
  request.review = review
  const rule = request.routeOptions.url && reviewRuleFor(request.method, request.routeOptions.url)
  // A link's lists are its set, whole: answered here so no page of the studio's list is read.
  if (rule === 'takes-list') await reply.send({ items: await deps.listTakes(review), nextCursor: null })
  if (rule === 'reels-list') await reply.send({ items: await deps.listReels(review) })
}
