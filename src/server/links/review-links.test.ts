import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jobListSchema } from '../../contract/api'
import { jobSchema } from '../../contract/job'
import { reviewerViewSchema, reviewLinkListSchema } from '../../contract/links'
import { noteListSchema, noteSchema } from '../../contract/review'
import { reviewLinkClient } from '../testing/review-link-client'
import { seedJob } from '../testing/seed-job'
import { STRONG_TOKEN, TIGHT_LIMITS } from '../testing/sign-in-client'
import { startTestStudio, type TestStudio } from '../testing/test-studio'
import { storedDatabaseText } from '../testing/test-database'

const DAY = 86_400_000
let shift = 0
let studio: TestStudio
let client: ReturnType<typeof reviewLinkClient>
let takes: string[]
let rendering: string

beforeAll(async () => {
  studio = await startTestStudio({
    config: { token: STRONG_TOKEN, signIn: TIGHT_LIMITS },
    overrides: { now: () => new Date(Date.now() + shift) },
  })
  client = reviewLinkClient(studio.app, STRONG_TOKEN)
  takes = [(await seedJob(studio.repo, { status: 'completed' })).id, (await seedJob(studio.repo, { status: 'completed' })).id]
  rendering = (await seedJob(studio.repo, { status: 'in_progress' })).id
})
afterAll(() => studio.close())

const share = (body: object) =>
  studio.app.inject({ method: 'POST', url: '/api/reviews', headers: client.owner, payload: body })

describe('sharing', () => {
  it('makes a link of 256 random bits, shown once and stored only as a hash, for 7 days by default', async () => {
    const link = await client.share({ share: { kind: 'takes', jobIds: takes } })
    const token = link.path.slice('/r/'.length)
    expect(Buffer.from(token, 'base64url')).toHaveLength(32)
    expect(link).toMatchObject({ permission: 'watch', hasPassphrase: false, state: 'active', title: '2 takes', lastUsedAt: null })
    expect(Date.parse(link.expiresAt) - Date.parse(link.createdAt)).toBe(7 * DAY)

    const list = await studio.app.inject({ url: '/api/reviews', headers: client.owner })
    expect(list.body).not.toContain(token)
    expect(reviewLinkListSchema.parse(list.json()).items.map((l) => l.id)).toContain(link.id)
    const stored = await storedDatabaseText(studio)
    expect(stored).toContain(link.id)
    expect(stored).not.toContain(token)
  })

  it('refuses what it cannot share with a clear error and keeps nothing', async () => {
    const before = reviewLinkListSchema.parse((await studio.app.inject({ url: '/api/reviews', headers: client.owner })).json())
    const cases: [object, number, string][] = [
      [{ share: { kind: 'takes', jobIds: takes }, expiresInDays: 91 }, 400, 'expiresInDays'],
      [{ share: { kind: 'takes', jobIds: takes }, expiresInDays: 0 }, 400, 'expiresInDays'],
      [{ share: { kind: 'takes', jobIds: [] } }, 400, 'share.jobIds'],
      [{ share: { kind: 'takes', jobIds: takes }, permission: 'edit' }, 400, 'permission'],
      [{ share: { kind: 'takes', jobIds: takes }, passphrase: 'abc' }, 400, 'passphrase'],
      [{ share: { kind: 'takes', jobIds: [rendering] } }, 409, 'share.jobIds'],
      [{ share: { kind: 'takes', jobIds: ['job_doesnotexist0000'] } }, 404, 'share.jobIds'],
      [{ share: { kind: 'reel', reelId: 'reel_doesnotexist000' } }, 404, 'share.reelId'],
    ]
    for (const [body, status, field] of cases) {
      const reply = await share(body)
      expect(reply.statusCode, JSON.stringify(body)).toBe(status)
      expect(reply.json()).toMatchObject({ error: { field } })
    }
    const after = reviewLinkListSchema.parse((await studio.app.inject({ url: '/api/reviews', headers: client.owner })).json())
    expect(after.items).toHaveLength(before.items.length)
  })

  it('lists when a link was last used, and a revoked link as revoked', async () => {
    const link = await client.share({ share: { kind: 'takes', jobIds: takes }, permission: 'comment' })
    const { cookie } = await client.open(link.path)
    const listed = async () =>
      reviewLinkListSchema.parse((await studio.app.inject({ url: '/api/reviews', headers: client.owner })).json()).items.find((l) => l.id === link.id)
    expect((await listed())?.lastUsedAt).not.toBeNull()
    expect((await client.revoke(link.id)).statusCode).toBe(204)
    expect(await listed()).toMatchObject({ state: 'revoked' })
    const refused = await studio.app.inject({ url: '/r/api/review-link', headers: { cookie } })
    expect(refused.statusCode).toBe(401)
    expect(refused.body).toContain('revoked by whoever shared it')
    expect((await client.revoke('rl_doesnotexist0000')).statusCode).toBe(404)
  })
})

describe('opening a link', () => {
  it("shows the reviewer what it shares, names the reviewer, and says it for the link's life", async () => {
    const link = await client.share({ share: { kind: 'takes', jobIds: takes }, permission: 'comment', expiresInDays: 2 })
    const { reply, cookie } = await client.open(link.path)
    const setCookie = String(reply.headers['set-cookie'])
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Strict/i)
    expect(setCookie).toMatch(/Path=\/r(;|$)/)
    expect(reply.headers['referrer-policy']).toBe('no-referrer')

    const named = await studio.app.inject({ method: 'PUT', url: '/r/api/review-link/reviewer', headers: { cookie }, payload: { name: 'Ana Director' } })
    expect(named.statusCode).toBe(204)
    const view = reviewerViewSchema.parse((await studio.app.inject({ url: '/r/api/review-link', headers: { cookie } })).json())
    expect(view).toMatchObject({ permission: 'comment', reviewer: 'Ana Director', reel: null, expiresAt: link.expiresAt })
    expect(view.takes.map((t) => t.id)).toEqual(takes)

    shift = 3 * DAY
    try {
      const api = await studio.app.inject({ url: '/r/api/review-link', headers: { cookie } })
      expect(api.statusCode).toBe(410)
      const page = await client.open(link.path)
      expect(page.reply.statusCode).toBe(410)
      expect(page.reply.headers['content-type']).toMatch(/text\/html/)
      expect(page.reply.body).toContain('This review link has expired')
    } finally {
      shift = 0
    }
  })

  it('answers an unknown or revoked link with a page that says so', async () => {
    const unknown = await client.open(`/r/${'A'.repeat(43)}`)
    expect(unknown.reply.statusCode).toBe(404)
    expect(unknown.reply.body).toContain('No such review link')
    const link = await client.share({ share: { kind: 'takes', jobIds: takes } })
    await client.revoke(link.id)
    const revoked = await client.open(link.path)
    expect(revoked.reply.statusCode).toBe(401)
    expect(revoked.reply.body).toContain('revoked')
    expect(revoked.cookie).toBe('')
  })

  it('slows down wrong passphrases per address, as the sign-in does, and lets the right one in', async () => {
    const link = await client.share({ share: { kind: 'takes', jobIds: takes }, passphrase: 'correct horse' })
    const tries = []
    for (let i = 0; i < TIGHT_LIMITS.triesPerAddress + 1; i++) tries.push((await client.open(link.path, `guess ${i}`)).reply)
    expect(tries.slice(0, -1).map((r) => r.statusCode)).toEqual(Array(TIGHT_LIMITS.triesPerAddress).fill(401))
    const limited = tries.at(-1)
    expect(limited?.statusCode).toBe(429)
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0)
    expect(limited?.body).toContain('Too many wrong passphrases')
    // While waiting, even the right passphrase is not checked.
    expect((await client.open(link.path, 'correct horse')).reply.statusCode).toBe(429)
    shift = 60_000
    try {
      const right = await client.open(link.path, 'correct horse')
      expect(right.reply.statusCode).toBe(303)
      expect(right.cookie).toMatch(/^dailies_review=/)
    } finally {
      shift = 0
    }
  })
})

describe('notes through a link', () => {
  it("carry the reviewer's name and appear in the studio", async () => {
    const link = await client.share({ share: { kind: 'takes', jobIds: takes }, permission: 'comment' })
    const { cookie } = await client.open(link.path)
    await studio.app.inject({ method: 'PUT', url: '/r/api/review-link/reviewer', headers: { cookie }, payload: { name: 'Ana Director' } })
    const note = await studio.app.inject({
      method: 'POST',
      url: `/r/api/jobs/${takes[0]}/notes`,
      headers: { cookie },
      payload: { at: 1, text: 'Hold on the kite a beat longer', author: 'Somebody else' },
    })
    expect(note.statusCode).toBe(201)
    const seen = await studio.app.inject({ url: `/api/jobs/${takes[0]}/notes`, headers: client.owner })
    expect(seen.json()).toMatchObject({ items: [{ author: 'Ana Director', text: 'Hold on the kite a beat longer' }] })
  })
})

describe("a reviewer's own notes and verdicts", () => {
  const named = async (path: string, name: string) => {
    const { cookie } = await client.open(path)
    await studio.app.inject({ method: 'PUT', url: '/r/api/review-link/reviewer', headers: { cookie }, payload: { name } })
    return cookie
  }
  const notesOf = async (jobId: string, headers: Record<string, string>, prefix = '/r/api') =>
    noteListSchema.parse((await studio.app.inject({ url: `${prefix}/jobs/${jobId}/notes`, headers })).json()).items

  it('a reviewer edits and deletes only the notes of their own link session; the owner, every note', async () => {
    const take = (await seedJob(studio.repo, { status: 'completed' })).id
    const both = { kind: 'takes' as const, jobIds: [take, ...takes] }
    const link = await client.share({ share: both, permission: 'comment' })
    const author = await named(link.path, 'Ana')
    const sameLinkOtherBrowser = await named(link.path, 'Ben')
    const otherLink = await named((await client.share({ share: both, permission: 'comment' })).path, 'Cy')
    const linkWithoutTheTake = await named((await client.share({ share: { kind: 'takes', jobIds: takes }, permission: 'comment' })).path, 'Di')
    const watchLink = await named((await client.share({ share: both, permission: 'watch' })).path, 'Ed')

    const written = await studio.app.inject({ method: 'POST', url: `/r/api/jobs/${take}/notes`, headers: { cookie: author }, payload: { at: 1, text: 'Mine', author: 'x' } })
    expect(written.statusCode).toBe(201)
    const note = noteSchema.parse(written.json())
    expect(note).toMatchObject({ author: 'Ana', editable: true })
    const ownersNote = noteSchema.parse(
      (await studio.app.inject({ method: 'POST', url: `/api/jobs/${take}/notes`, headers: client.owner, payload: { at: 2, text: "The owner's", author: 'Owner' } })).json(),
    )
    // Each asker is told which notes they may change.
    const editable = async (headers: Record<string, string>, prefix?: string) =>
      Object.fromEntries((await notesOf(take, headers, prefix)).map((n) => [n.text, n.editable]))
    expect(await editable({ cookie: author })).toMatchObject({ Mine: true, "The owner's": false })
    expect(await editable({ cookie: sameLinkOtherBrowser })).toMatchObject({ Mine: false, "The owner's": false })
    expect(await editable(client.owner, '/api')).toMatchObject({ Mine: true, "The owner's": true })

    // Nobody else through a link changes it: 403 on the shared take, 404 on a take the link lacks.
    const others: [string, string, number][] = [
      ['the same link in another browser', sameLinkOtherBrowser, 403],
      ['another comment link to the take', otherLink, 403],
      ['a link without the take', linkWithoutTheTake, 404],
      ['a watch link', watchLink, 403],
    ]
    for (const [who, cookie, status] of others) {
      const edit = await studio.app.inject({ method: 'PATCH', url: `/r/api/jobs/${take}/notes/${note.id}`, headers: { cookie }, payload: { text: 'Taken over' } })
      expect(edit.statusCode, `${who} edits: ${edit.body}`).toBe(status)
      const remove = await studio.app.inject({ method: 'DELETE', url: `/r/api/jobs/${take}/notes/${note.id}`, headers: { cookie } })
      expect(remove.statusCode, `${who} deletes: ${remove.body}`).toBe(status)
    }
    // Nor does the author change the owner's note.
    const onOwners = await studio.app.inject({ method: 'PATCH', url: `/r/api/jobs/${take}/notes/${ownersNote.id}`, headers: { cookie: author }, payload: { text: 'Mine now' } })
    expect(onOwners.statusCode).toBe(403)
    expect(onOwners.body).toMatch(/only the notes they wrote/)
    expect((await notesOf(take, client.owner, '/api')).map((n) => n.text).sort()).toEqual(['Mine', "The owner's"])

    // The author edits theirs (their name stays on it) and deletes it.
    const edited = await studio.app.inject({ method: 'PATCH', url: `/r/api/jobs/${take}/notes/${note.id}`, headers: { cookie: author }, payload: { text: 'Mine, edited', at: 1.5 } })
    expect(edited.statusCode, edited.body).toBe(200)
    expect(noteSchema.parse(edited.json())).toMatchObject({ text: 'Mine, edited', at: 1.5, author: 'Ana', editable: true })
    const removed = await studio.app.inject({ method: 'DELETE', url: `/r/api/jobs/${take}/notes/${note.id}`, headers: { cookie: author } })
    expect(removed.statusCode).toBe(204)

    // The owner changes and deletes a reviewer's note too.
    const again = noteSchema.parse(
      (await studio.app.inject({ method: 'POST', url: `/r/api/jobs/${take}/notes`, headers: { cookie: author }, payload: { at: 1, text: 'Again' } })).json(),
    )
    const byOwner = await studio.app.inject({ method: 'PATCH', url: `/api/jobs/${take}/notes/${again.id}`, headers: client.owner, payload: { text: 'Tidied by the owner' } })
    expect(byOwner.json()).toMatchObject({ text: 'Tidied by the owner', author: 'Ana', editable: true })
    for (const id of [again.id, ownersNote.id]) {
      expect((await studio.app.inject({ method: 'DELETE', url: `/api/jobs/${take}/notes/${id}`, headers: client.owner })).statusCode).toBe(204)
    }
    expect(await notesOf(take, client.owner, '/api')).toEqual([])
  })

  it("a verdict through a link carries the reviewer's name, in the studio and the take's sidecar", async () => {
    const take = takes[1] ?? ''
    const link = await client.share({ share: { kind: 'takes', jobIds: [take] }, permission: 'comment' })
    const cookie = await named(link.path, 'Ana Director')
    const set = await studio.app.inject({ method: 'PUT', url: `/r/api/jobs/${take}/verdict`, headers: { cookie }, payload: { verdict: 'circled' } })
    expect(set.statusCode, set.body).toBe(200)
    expect(jobSchema.parse(set.json())).toMatchObject({ verdict: 'circled', verdictBy: 'Ana Director' })
    const seen = jobSchema.parse((await studio.app.inject({ url: `/api/jobs/${take}`, headers: client.owner })).json())
    expect(seen).toMatchObject({ verdict: 'circled', verdictBy: 'Ana Director' })
    const listed = jobListSchema.parse((await studio.app.inject({ url: '/api/jobs?verdict=circled', headers: client.owner })).json())
    expect(listed.items.find((job) => job.id === take)).toMatchObject({ verdictBy: 'Ana Director' })
    const sidecar = async () => JSON.parse((await studio.vault.read(take, 'sidecar')).toString('utf8')) as Record<string, unknown>
    expect(await sidecar()).toMatchObject({ verdict: 'circled', verdictBy: 'Ana Director' })

    // The owner (a script with the token: no signed-in name) changes it: the reviewer's name goes.
    const changed = await studio.app.inject({ method: 'PUT', url: `/api/jobs/${take}/verdict`, headers: client.owner, payload: { verdict: 'hold' } })
    expect(jobSchema.parse(changed.json())).toMatchObject({ verdict: 'hold', verdictBy: null })
    expect(await sidecar()).toMatchObject({ verdict: 'hold', verdictBy: null })
  })
})

describe('a studio without a token', () => {
  it('holds a link to its takes all the same', async () => {
    const open = await startTestStudio()
    try {
      const inside = (await seedJob(open.repo, { status: 'completed' })).id
      const other = (await seedJob(open.repo, { status: 'completed' })).id
      const local = reviewLinkClient(open.app, null)
      const { cookie } = await local.open((await local.share({ share: { kind: 'takes', jobIds: [inside] } })).path)
      expect((await open.app.inject({ url: `/r/api/jobs/${other}`, headers: { cookie } })).statusCode).toBe(404)
      expect((await open.app.inject({ url: `/r/api/jobs/${inside}`, headers: { cookie } })).statusCode).toBe(200)
      expect((await open.app.inject({ method: 'DELETE', url: `/r/api/jobs/${inside}`, headers: { cookie } })).statusCode).toBe(403)
      expect((await open.app.inject({ url: `/r/api/jobs/${inside}` })).statusCode).toBe(401)
    } finally {
      await open.close()
    }
  })
})
