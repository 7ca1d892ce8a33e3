import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { reviewLinkClient } from '../testing/review-link-client'
import { seedJob } from '../testing/seed-job'
import { STRONG_TOKEN } from '../testing/sign-in-client'
import { startTestStudio, type TestStudio } from '../testing/test-studio'

let studio: TestStudio
let inside: string[]
let outside: string[]
let cookie: string

beforeAll(async () => {
  studio = await startTestStudio({ config: { token: STRONG_TOKEN } })
  const seed = async (prompt: string) => (await seedJob(studio.repo, { status: 'completed', prompt, group: 'grp_shared' })).id
  inside = [await seed('inside one'), await seed('inside two')]
  // Same group as the shared takes, remixes of them: every way the studio relates takes.
  outside = [await seed('OUTSIDE a'), await seed('OUTSIDE b'), (await seedJob(studio.repo, { status: 'completed', prompt: 'OUTSIDE c', remixOf: inside[0] ?? null })).id]
  const client = reviewLinkClient(studio.app, STRONG_TOKEN)
  cookie = (await client.open((await client.share({ share: { kind: 'takes', jobIds: inside }, permission: 'comment' })).path)).cookie
})
afterAll(() => studio.close())

const anyJobId = fc.oneof(
  fc.constantFrom(...['inside', 'outside'].map((k) => k)).chain((k) => fc.constantFrom(...(k === 'inside' ? inside : outside))),
  fc.stringMatching(/^job_[A-Za-z0-9]{10,40}$/),
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
)
const segment = fc.oneof(
  anyJobId,
  fc.constantFrom('video', 'thumbnail', 'still', 'spritesheet', 'reference', 'last-frame', 'frame', 'notes', 'verdict', '..', '%2e%2e', ''),
)
const query = fc.oneof(
  fc.constant(''),
  anyJobId.map((id) => `?remixOf=${id}`),
  fc.constantFrom('?group=grp_shared', '?q=OUTSIDE', '?limit=1', '?status=completed', '?t=0'),
)
const path = fc.tuple(fc.array(segment, { minLength: 0, maxLength: 3 }), query).map(
  ([segments, q]) => `/r/api/jobs${segments.map((s) => `/${s}`).join('')}${q}`,
)

/** The same request with every take outside the link swapped for one that never existed. */
const ghostOf = (id: string) => `job_ghost${id.slice(-12).replace(/[^A-Za-z0-9]/g, '0')}`

it('for random job ids and paths, a link never reads a take outside its set', async () => {
  await fc.assert(
    fc.asyncProperty(path, fc.constantFrom('GET', 'HEAD'), async (url, method) => {
      const ask = (u: string) => studio.app.inject({ method: method, url: u, headers: { cookie } })
      const reply = await ask(url)
      // Seeded takes have no files; every route answers that with a 4xx, so a 500 is a fault.
      expect(reply.statusCode, url).not.toBe(500)
      expect(reply.body, url).not.toContain('OUTSIDE')
      // A take outside the link answers exactly as one that does not exist: nothing is learnt.
      const ghostly = outside.reduce((u, id) => u.replaceAll(id, ghostOf(id)), url)
      if (ghostly !== url) {
        const ghost = await ask(ghostly)
        expect(reply.statusCode, url).toBe(ghost.statusCode)
        expect(reply.body, url).toBe(outside.reduce((b, id) => b.replaceAll(ghostOf(id), id), ghost.body))
      }
      // What a link reads names only its own takes.
      if (reply.statusCode < 300) {
        for (const id of reply.body.match(/job_[A-Za-z0-9]{10,40}/g) ?? []) expect(inside, url).toContain(id)
      }
    }),
    { numRuns: 150 },
  )
})
