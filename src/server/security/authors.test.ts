import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { authorListSchema, jobListSchema } from '../../contract/api'
import { jobSchema } from '../../contract/job'
import { sessionInfoSchema } from '../../contract/session'
import { multipartBody } from '../testing/multipart'
import { sessionCookieOf, signInClient, STRONG_TOKEN } from '../testing/sign-in-client'
import { startTestStudio, type TestStudio } from '../testing/test-studio'

/** Who made it: the name given at sign-in goes on every take its session starts. */
const SETTINGS = { model: 'sora-2', size: '720x1280', seconds: '4' }
let studio: TestStudio

beforeAll(async () => {
  studio = await startTestStudio({ config: { token: STRONG_TOKEN } })
})
afterAll(() => studio.close())

const as = (credentials: Record<string, string>) => ({
  get: (url: string) => studio.app.inject({ method: 'GET', url, headers: credentials }),
  create: (prompt: string) => {
    const body = multipartBody({ prompt, ...SETTINGS })
    return studio.app.inject({
      method: 'POST',
      url: '/api/jobs',
      payload: body.payload,
      headers: { ...credentials, ...body.headers },
    })
  },
})

async function signedIn(name: string) {
  const reply = await signInClient(studio.app).signIn('198.51.100.2', STRONG_TOKEN, {}, name)
  expect(reply.headers.location).toBe('/')
  return as({ cookie: sessionCookieOf(reply) })
}

describe('who made it', () => {
  it('asks for a name at sign-in, remembers it, and opens no session without one', async () => {
    const nameless = await signInClient(studio.app).signIn('198.51.100.2', STRONG_TOKEN, {}, '  ')
    expect(nameless.statusCode).toBe(303)
    expect(nameless.headers.location).toBe('/signin?error=name')
    expect(sessionCookieOf(nameless)).toBe('')

    const ana = await signInClient(studio.app).signIn('198.51.100.2', STRONG_TOKEN, {}, 'Ana Lima')
    const remembered = [ana.headers['set-cookie']].flat().find((c) => String(c).startsWith('dailies_name='))
    const page = await studio.app.inject({
      method: 'GET',
      url: '/signin',
      headers: { accept: 'text/html', cookie: String(remembered).split(';')[0] ?? '' },
    })
    expect(page.body).toContain('value="Ana Lima"')
    expect(page.body).toMatch(/id="token"[^>]*autofocus/)
  })

  it('puts the session’s name on its takes, lists the authors, and filters the list by one', async () => {
    const ana = await signedIn('Ana')
    const ben = await signedIn('Ben')
    const script = as({ authorization: `Bearer ${STRONG_TOKEN}` })
    expect(sessionInfoSchema.parse((await ana.get('/api/session')).json()).name).toBe('Ana')

    const anas = jobSchema.parse((await ana.create('A heron on a post, by Ana')).json())
    const bens = jobSchema.parse((await ben.create('A heron on a post, by Ben')).json())
    const scripted = jobSchema.parse((await script.create('A heron on a post, by a script')).json())
    expect([anas.author, bens.author, scripted.author]).toEqual(['Ana', 'Ben', null])
    expect(jobSchema.parse((await ben.get(`/api/jobs/${anas.id}`)).json()).author).toBe('Ana')

    expect(authorListSchema.parse((await ben.get('/api/authors')).json()).items).toEqual(['Ana', 'Ben'])
    const list = jobListSchema.parse((await ben.get('/api/jobs?author=Ana&q=heron')).json())
    expect(list.items.map((job) => job.id)).toEqual([anas.id])
  })

  it('records no author on a studio without a token', async () => {
    const single = await startTestStudio()
    try {
      const body = multipartBody({ prompt: 'A kite on a beach', ...SETTINGS })
      const reply = await single.app.inject({ method: 'POST', url: '/api/jobs', ...body })
      expect(jobSchema.parse(reply.json()).author).toBeNull()
      expect((await single.app.inject({ method: 'GET', url: '/api/authors' })).json()).toEqual({ items: [] })
    } finally {
      await single.close()
    }
  })
})
