import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jobListSchema } from '../../contract/api'
import { jobSchema, type Job } from '../../contract/job'
import { reelDetailSchema } from '../../contract/reels'
import { noteSchema } from '../../contract/review'
import { multipartBody } from '../testing/multipart'
import { reviewLinkClient } from '../testing/review-link-client'
import { STRONG_TOKEN } from '../testing/sign-in-client'
import { isDone, startTestStudio } from '../testing/test-studio'
import type { ReviewRoute } from './review-scope'

/**
 * The scope matrix: every /api route the app has (read from the app, so a route added later is
 * in it) × every kind of caller, with the status each must get and nothing outside the link's
 * takes in any reply. The studio asks for DAILIES_TOKEN, as a studio handing out links would.
 */

const DAY = 86_400_000
let shift = 0
const studio = await startTestStudio({
  config: { token: STRONG_TOKEN },
  overrides: { now: () => new Date(Date.now() + shift) },
})
await studio.app.ready()
const routes = studio.app.reviewRoutes()
const client = reviewLinkClient(studio.app, STRONG_TOKEN)

const OUTSIDE_PROMPT = 'OUTSIDE the link: a lighthouse at night'
let inside: Job[] = []
let outside: Job
const cookies = { watch: '', comment: '', reel: '', expired: '', revoked: '', wrongPassphrase: '' }
let spareLinkId = ''
const NOTE = { at: 0, text: 'The kite should enter earlier', author: 'Someone' }
/** A note the owner wrote on the first shared take, and one on the take outside. */
const ownersNotes = { inside: '', outside: '' }
/** A reel of the shared takes (shared by the `reel` link), and one of the take outside. */
const reels = { inside: '', outside: '' }

async function render(prompt: string): Promise<Job> {
  const body = multipartBody({ prompt, model: 'sora-2', size: '720x1280', seconds: '4' })
  const reply = await studio.app.inject({
    method: 'POST',
    url: '/api/jobs',
    payload: body.payload,
    headers: { ...body.headers, ...client.owner },
  })
  return studio.waitForJob(jobSchema.parse(reply.json()).id, isDone)
}

async function reelOf(name: string, jobIds: string[], exported: boolean): Promise<string> {
  const made = await studio.app.inject({ method: 'POST', url: '/api/reels', headers: client.owner, payload: { name, jobIds } })
  const id = reelDetailSchema.parse(made.json()).id
  if (!exported) return id
  await studio.app.inject({ method: 'POST', url: `/api/reels/${id}/export`, headers: client.owner, payload: {} })
  for (let waited = 0; waited < 60_000; waited += 100) {
    const reel = reelDetailSchema.parse((await studio.app.inject({ url: `/api/reels/${id}`, headers: client.owner })).json())
    if (reel.export?.status === 'completed') return id
    if (reel.export?.status === 'failed') throw new Error(reel.export.error?.message)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('the reel export did not finish')
}

beforeAll(async () => {
  inside = [await render('a red kite over the dunes'), await render('the same kite, closer')]
  outside = await render(OUTSIDE_PROMPT)
  const takes = { kind: 'takes' as const, jobIds: inside.map((job) => job.id) }
  reels.inside = await reelOf('Kite', takes.jobIds, true)
  reels.outside = await reelOf(OUTSIDE_PROMPT, [outside.id], false)
  cookies.reel = (await client.open((await client.share({ share: { kind: 'reel', reelId: reels.inside } })).path)).cookie

  cookies.watch = (await client.open((await client.share({ share: takes, permission: 'watch' })).path)).cookie

  const guarded = await client.share({ share: takes, permission: 'comment', passphrase: 'open sesame' })
  const asked = await client.open(guarded.path)
  expect(asked.reply.body).toContain('passphrase')
  expect(asked.cookie).toBe('')
  const wrong = await client.open(guarded.path, 'open says me')
  expect(wrong.reply.statusCode).toBe(401)
  cookies.wrongPassphrase = wrong.cookie
  cookies.comment = (await client.open(guarded.path, 'open sesame')).cookie

  const revoked = await client.share({ share: takes })
  cookies.revoked = (await client.open(revoked.path)).cookie
  expect((await client.revoke(revoked.id)).statusCode).toBe(204)

  shift = -8 * DAY
  cookies.expired = (await client.open((await client.share({ share: takes, expiresInDays: 7 })).path)).cookie
  shift = 0

  spareLinkId = (await client.share({ share: takes })).id
  for (const [side, job] of [['inside', inside[0]], ['outside', outside]] as const) {
    const note = await studio.app.inject({ method: 'POST', url: `/api/jobs/${job?.id}/notes`, headers: client.owner, payload: NOTE })
    ownersNotes[side] = noteSchema.parse(note.json()).id
  }
  for (const [name, cookie] of Object.entries(cookies))
    if (name !== 'wrongPassphrase') expect(cookie, name).toMatch(/^dailies_review=/)
})
afterAll(() => studio.close())

type Caller = 'watch' | 'comment' | 'reel' | 'expired' | 'revoked' | 'wrongPassphrase' | 'none'

/** The route's path with its parameters filled: of the link's own things, or of others. */
function pathOf(route: ReviewRoute, side: 'inside' | 'outside'): string {
  return route.url.replace(/:(\w+)/g, (_m, name: string) => {
    if (name === 'asset') return 'video'
    if (name === 'noteId') return ownersNotes[side]
    if (name === 'jobId') return side === 'inside' ? (inside[0]?.id ?? '') : outside.id
    if (name !== 'id') return 'x'
    if (route.url.startsWith('/api/reviews/')) return spareLinkId
    if (route.url.startsWith('/api/reels/')) return reels[side]
    return side === 'inside' ? (inside[0]?.id ?? '') : outside.id
  })
}

function request(route: ReviewRoute, side: 'inside' | 'outside', headers: Record<string, string>, prefix: string): InjectOptions {
  const url = prefix + pathOf(route, side).slice('/api'.length)
  const withBody = !['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(route.method)
  const payload = route.url.endsWith('/notes')
    ? NOTE
    : route.url.endsWith('/:noteId')
      ? { text: 'Taken over' }
      : route.url.endsWith('/verdict')
      ? { verdict: 'circled' }
      : route.url.endsWith('/reviewer')
        ? { name: 'Someone' }
        : {}
  return { method: route.method, url, headers, ...(withBody ? { payload } : {}) }
}

const asLink = (route: ReviewRoute, caller: Caller, side: 'inside' | 'outside') =>
  studio.app.inject(request(route, side, caller === 'none' ? {} : { cookie: cookies[caller] }, '/r/api'))

/** Nothing of the take outside the link, no cost, no token: in any reply a link gets. */
function expectConfined(reply: LightMyRequestResponse, what: string): void {
  expect(reply.body, what).not.toContain(outside.id)
  expect(reply.body, what).not.toContain(OUTSIDE_PROMPT)
  expect(reply.body, what).not.toContain(STRONG_TOKEN)
  expect(reply.body, what).not.toMatch(/"costUsd":\d/)
  expect(reply.body, what).not.toMatch(/"upstreamId":"/)
}

const hasParams = (route: ReviewRoute) => route.url.includes(':id') || route.url.includes(':jobId')
const name = (route: ReviewRoute) => `${route.method} ${route.url} (${route.rule})`

describe('a review link on every /api route', () => {
  it('sees the routes of the app, refused unless listed', () => {
    expect(routes.length).toBeGreaterThan(15)
    expect(routes.find((r) => r.method === 'POST' && r.url === '/api/jobs')?.rule).toBe('refused')
    expect(routes.find((r) => r.method === 'GET' && r.url === '/api/jobs/:id')?.rule).toBe('take')
  })

  it.each(routes.map((route) => [name(route), route] as const))('%s', async (_name, route) => {
    for (const caller of ['none', 'wrongPassphrase', 'revoked', 'expired'] as const) {
      const reply = await asLink(route, caller, 'inside')
      const expected = { none: 401, wrongPassphrase: 401, revoked: 401, expired: 410 }[caller]
      expect(reply.statusCode, `${caller}: ${reply.body}`).toBe(expected)
      expectConfined(reply, caller)
    }
    for (const caller of ['watch', 'comment', 'reel'] as const) {
      const within = await asLink(route, caller, 'inside')
      expectConfined(within, `${caller} within`)
      const beyond = hasParams(route) ? await asLink(route, caller, 'outside') : null
      if (beyond) expectConfined(beyond, `${caller} beyond`)
      const why = `${caller}: ${within.statusCode} ${within.body.slice(0, 200)}`
      switch (route.rule) {
        case 'refused':
          expect(within.statusCode, why).toBe(403)
          if (beyond) expect(beyond.statusCode).toBe(403)
          break
        case 'take':
        case 'take-comment': {
          expect(beyond?.statusCode, why).toBe(404)
          // The note in the path is the owner's: a reviewer changes only their own (review-links.test).
          const refused =
            route.rule === 'take-comment' && (caller !== 'comment' || route.url.includes(':noteId'))
          if (refused) expect(within.statusCode, why).toBe(403)
          else expect(within.statusCode, why).toBeLessThan(300)
          break
        }
        case 'reel':
        case 'reel-film':
          expect(beyond?.statusCode, why).toBe(404)
          expect(within.statusCode, why).toBe(caller === 'reel' ? 200 : 404)
          break
        default:
          expect(within.statusCode, why).toBeLessThan(300)
      }
    }
  })
})

describe('what each caller gets', () => {
  it("a link's list is its takes, however the studio's list is asked for", async () => {
    for (const query of ['', '?limit=1', '?status=completed', `?q=lighthouse`, `?remixOf=${outside.id}`]) {
      const reply = await studio.app.inject({ url: `/r/api/jobs${query}`, headers: { cookie: cookies.watch } })
      expectConfined(reply, query)
      const ids = jobListSchema.parse(reply.json()).items.map((job) => job.id)
      expect(ids.sort()).toEqual(inside.map((job) => job.id).sort())
    }
  })

  it("a link's takes point at the reviewer's /r/api and carry no cost", async () => {
    // The studio's own reply for the take is written first (and kept: routes/written-replies).
    const own = await studio.app.inject({ url: `/api/jobs/${inside[0]?.id}`, headers: client.owner })
    expect(jobSchema.parse(own.json()).media?.video).toBe(`/api/jobs/${inside[0]?.id}/video`)
    const take = jobSchema.parse(
      (await studio.app.inject({ url: `/r/api/jobs/${inside[0]?.id}`, headers: { cookie: cookies.watch } })).json(),
    )
    expect(take.media?.video).toBe(`/r/api/jobs/${take.id}/video`)
    expect(take.costUsd).toBeNull()
    const video = await studio.app.inject({ url: take.media?.video ?? '', headers: { cookie: cookies.watch } })
    expect(video.statusCode).toBe(200)
    expect(video.headers['content-type']).toBe('video/mp4')
    expect(take.media?.still?.url).toBe(`/r/api/jobs/${take.id}/still`)
    const still = await studio.app.inject({ url: take.media?.still?.url ?? '', headers: { cookie: cookies.watch } })
    expect(still.statusCode).toBe(200)
    expect(still.headers['content-type']).toBe('image/webp')
  })

  it("a take's still is refused wherever its thumbnail is: outside the link, with a spent link, without one", async () => {
    const callers: Caller[] = ['watch', 'reel', 'expired', 'revoked', 'wrongPassphrase', 'none']
    for (const caller of callers) {
      for (const job of [inside[0], outside]) {
        const headers = caller === 'none' ? {} : { cookie: cookies[caller] }
        const [thumbnail, still] = await Promise.all(
          ['thumbnail', 'still'].map((asset) => studio.app.inject({ url: `/r/api/jobs/${job?.id}/${asset}`, headers })),
        )
        const what = `${caller}, ${job === outside ? 'outside' : 'inside'}`
        expect(still?.statusCode, what).toBe(thumbnail?.statusCode)
        const open = (caller === 'watch' || caller === 'reel') && job !== outside
        expect(still?.statusCode === 200, what).toBe(open)
        expectConfined(still!, what)
      }
    }
  })

  it('the studio token and session count for nothing under /r/api, and a link cookie nothing under /api', async () => {
    const withToken = await studio.app.inject({ url: `/r/api/jobs/${inside[0]?.id}`, headers: client.owner })
    expect(withToken.statusCode).toBe(401)
    const linkOnStudio = await studio.app.inject({ url: `/api/jobs/${inside[0]?.id}`, headers: { cookie: cookies.comment } })
    expect(linkOnStudio.statusCode).toBe(401)
    const both = await studio.app.inject({
      method: 'POST',
      url: `/r/api/jobs/${inside[0]?.id}/retry`,
      headers: { ...client.owner, cookie: cookies.comment },
    })
    expect(both.statusCode).toBe(403)
  })

  it('the owner reaches every route under /api with the token; nobody without it', async () => {
    // The reference page's own /api/docs/openapi.json answers 500 for anyone (a fault of that
    // plugin, apart from this): left out so its error log does not drown this test's output.
    for (const route of routes.filter((r) => !r.url.startsWith('/api/docs/openapi'))) {
      const owner = await studio.app.inject(request(route, 'outside', client.owner, '/api'))
      expect([401, 403, 410], `${name(route)}: ${owner.body}`).not.toContain(owner.statusCode)
      if (route.url === '/api/health') continue
      const stranger = await studio.app.inject(request(route, 'outside', {}, '/api'))
      expect(stranger.statusCode, name(route)).toBe(401)
    }
  })
})
