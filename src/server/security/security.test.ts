import { afterEach, describe, expect, it } from 'vitest'
import { errorEnvelopeSchema } from '../../contract/errors'
import { multipartBody } from '../testing/multipart'
import { startTestStudio, type TestStudio } from '../testing/test-studio'

let studio: TestStudio | null = null
afterEach(async () => {
  await studio?.close()
  studio = null
})

const TOKEN = 'a-team-token-of-some-length'
const jobBody = () => multipartBody({ prompt: 'x', model: 'sora-2', size: '720x1280', seconds: '4' })

describe('with DAILIES_TOKEN', () => {
  it('refuses /api without the token, and accepts it as a Bearer token', async () => {
    studio = await startTestStudio({ config: { token: TOKEN } })
    const anonymous = await studio.app.inject({ method: 'GET', url: '/api/jobs' })
    expect(anonymous.statusCode).toBe(401)
    expect(anonymous.json()).toMatchObject({ error: { code: 'unauthorized' } })
    expect((await studio.app.inject({ method: 'GET', url: '/api/jobs/job_x0000000000/video' })).statusCode).toBe(401)
    const wrong = await studio.app.inject({ method: 'GET', url: '/api/jobs', headers: { authorization: 'Bearer nope' } })
    expect(wrong.statusCode).toBe(401)
    const bearer = await studio.app.inject({ method: 'GET', url: '/api/jobs', headers: { authorization: `Bearer ${TOKEN}` } })
    expect(bearer.statusCode).toBe(200)
    expect((await studio.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200)
  })

  it('trades the token for an httpOnly, SameSite=Strict session cookie that opens /api and media', async () => {
    studio = await startTestStudio({ config: { token: TOKEN } })
    const bad = await studio.app.inject({
      method: 'POST',
      url: '/signin',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'token=wrong',
    })
    expect(bad.statusCode).toBe(303)
    expect(bad.headers.location).toBe('/signin?error=1')
    expect(bad.headers['set-cookie']).toBeUndefined()
    const good = await studio.app.inject({
      method: 'POST',
      url: '/signin',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `name=Ana&token=${TOKEN}`,
    })
    expect(good.statusCode).toBe(303)
    const setCookie = String(good.headers['set-cookie'])
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Strict/)
    expect(setCookie).not.toContain(TOKEN)
    const cookie = setCookie.split(';')[0] ?? ''
    const jobs = await studio.app.inject({ method: 'GET', url: '/api/jobs', headers: { cookie } })
    expect(jobs.statusCode).toBe(200)
    const media = await studio.app.inject({ method: 'GET', url: '/api/jobs/job_x0000000000/video', headers: { cookie } })
    expect(media.statusCode).toBe(404)
    const page = await studio.app.inject({ method: 'GET', url: '/signin' })
    expect(page.body).toContain('Studio token')
  })
})

describe('cross-site requests', () => {
  it('refuses a write from a foreign Origin or a cross-site fetch, and stores nothing', async () => {
    studio = await startTestStudio()
    const s = studio
    const post = (headers: Record<string, string>) => {
      const body = jobBody()
      return s.app.inject({ method: 'POST', url: '/api/jobs', payload: body.payload, headers: { ...body.headers, ...headers } })
    }
    const foreign = await post({ origin: 'https://evil.example', host: 'localhost:4400' })
    expect(foreign.statusCode).toBe(403)
    expect(foreign.json()).toMatchObject({ error: { code: 'forbidden' } })
    expect((await post({ 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403)
    const signIn = await s.app.inject({ method: 'POST', url: '/signin', headers: { origin: 'https://evil.example' } })
    expect(signIn.statusCode).toBe(403)
    expect((await s.repo.list({ limit: 10 })).items).toHaveLength(0)
    expect((await post({ origin: 'http://localhost:4400', host: 'localhost:4400' })).statusCode).toBe(201)
  })
})

describe('headers', () => {
  it('sends a strict CSP, nosniff, no framing and a referrer policy', async () => {
    studio = await startTestStudio()
    // The page's policy governs what the app may load; a JSON reply may load nothing at all.
    const [page, json] = await Promise.all([
      studio.app.inject({ method: 'GET', url: '/' }),
      studio.app.inject({ method: 'GET', url: '/api/health' }),
    ])
    const csp = String(page.headers['content-security-policy'])
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("media-src 'self' blob:")
    expect(csp).toContain("img-src 'self' blob: data:")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain('unsafe-inline')
    expect(String(json.headers['content-security-policy'])).toMatch(/^default-src 'none';.*frame-ancestors 'none'/)
    for (const reply of [page, json]) {
      expect(reply.headers['x-content-type-options']).toBe('nosniff')
      expect(reply.headers['referrer-policy']).toBe('same-origin')
    }
  })
})

describe('render rate limit', () => {
  it('answers a JSON 429 with Retry-After once a client starts too many renders', async () => {
    studio = await startTestStudio({ config: { rendersPerMinute: 2 } })
    const s = studio
    const post = () => s.app.inject({ method: 'POST', url: '/api/jobs', ...jobBody() })
    expect((await post()).statusCode).toBe(201)
    expect((await post()).statusCode).toBe(201)
    const limited = await post()
    expect(limited.statusCode).toBe(429)
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    const envelope = errorEnvelopeSchema.parse(limited.json())
    expect(envelope.error.code).toBe('rate_limited')
    expect(envelope.error.message).toMatch(/Try again in \d+ s/)
    expect((await s.repo.list({ limit: 10 })).items).toHaveLength(2)
    expect((await s.app.inject({ method: 'GET', url: '/api/jobs' })).statusCode).toBe(200)
  })
})
