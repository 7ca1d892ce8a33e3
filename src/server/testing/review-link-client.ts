import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { createdReviewLinkSchema, type CreatedReviewLink, type CreateReviewRequest } from '../../contract/links'

/** The `dailies_review=…` part of a reply's Set-Cookie, or '' when it set none. */
export function reviewCookieOf(reply: LightMyRequestResponse): string {
  const header = reply.headers['set-cookie']
  const cookies = (Array.isArray(header) ? header : [header ?? '']).map(String)
  return cookies.find((c) => c.startsWith('dailies_review='))?.split(';')[0] ?? ''
}

/** The owner shares (with the studio token when it has one) and a reviewer opens the link. */
export function reviewLinkClient(app: FastifyInstance, token: string | null) {
  const owner: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {}
  return {
    owner,
    async share(body: CreateReviewRequest): Promise<CreatedReviewLink> {
      const reply = await app.inject({ method: 'POST', url: '/api/reviews', headers: owner, payload: body })
      if (reply.statusCode !== 201) throw new Error(`POST /api/reviews: ${reply.statusCode} ${reply.body}`)
      return createdReviewLinkSchema.parse(reply.json())
    },
    revoke: (id: string) => app.inject({ method: 'DELETE', url: `/api/reviews/${id}`, headers: owner }),
    /** Opens the link as a browser would; the reviewer's cookie, or '' when it set none. */
    async open(path: string, passphrase?: string): Promise<{ reply: LightMyRequestResponse; cookie: string }> {
      const reply =
        passphrase === undefined
          ? await app.inject({ method: 'GET', url: path, headers: { accept: 'text/html' } })
          : await app.inject({
              method: 'POST',
              url: path,
              headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
              payload: new URLSearchParams({ passphrase }).toString(),
            })
      return { reply, cookie: reviewCookieOf(reply) }
    },
  }
}
