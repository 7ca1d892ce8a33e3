import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestStudio, type TestStudio } from '../testing/test-studio'

let studio: TestStudio
beforeAll(async () => {
  studio = await startTestStudio()
})
afterAll(() => studio.close())

describe('security headers', () => {
  it('are on every kind of reply: JSON, errors, refusals and the page', async () => {
    const replies = await Promise.all([
      studio.app.inject({ method: 'GET', url: '/api/health' }),
      studio.app.inject({ method: 'GET', url: '/api/jobs?limit=x' }),
      studio.app.inject({ method: 'GET', url: '/api/nothing' }),
      studio.app.inject({
        method: 'POST',
        url: '/api/jobs',
        headers: { origin: 'https://evil.example' },
      }),
      studio.app.inject({ method: 'GET', url: '/some/page' }),
    ])
    expect(replies.map((r) => r.statusCode)).toEqual([200, 400, 404, 403, expect.any(Number)])
    for (const reply of replies) {
      expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'")
      expect(reply.headers['x-frame-options']).toBe('SAMEORIGIN')
      expect(reply.headers['x-content-type-options']).toBe('nosniff')
      expect(reply.headers['referrer-policy']).toBe('same-origin')
      expect(reply.headers['cross-origin-resource-policy']).toBe('same-origin')
      expect(reply.headers['cross-origin-opener-policy']).toBe('same-origin')
      expect(reply.headers['strict-transport-security']).toMatch(/^max-age=\d+/)
      expect(reply.headers['content-security-policy']).not.toContain('unsafe-inline')
    }
  })

  it('let nothing load or run in a JSON reply, and leave off what only steers a document', async () => {
    const replies = await Promise.all([
      studio.app.inject({ method: 'GET', url: '/api/health' }),
      studio.app.inject({ method: 'GET', url: '/api/jobs?limit=x' }),
    ])
    for (const reply of replies) {
      expect(reply.headers['content-type']).toMatch(/^application\/json/)
      expect(reply.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'")
      for (const documentOnly of ['origin-agent-cluster', 'x-dns-prefetch-control', 'x-xss-protection'])
        expect(reply.headers[documentOnly]).toBeUndefined()
    }
  })

  it("give pages and files the page's policy: its own code, media from itself and blob:", async () => {
    const replies = await Promise.all([
      studio.app.inject({ method: 'GET', url: '/some/page' }),
      studio.app.inject({ method: 'GET', url: '/api/jobs/job_aaaaaaaaaa01/video' }),
    ])
    for (const reply of replies) {
      expect(reply.headers['content-security-policy']).toContain("script-src 'self'")
      expect(reply.headers['content-security-policy']).toContain("media-src 'self' blob:")
      expect(reply.headers['origin-agent-cluster']).toBe('?1')
    }
  })
})
