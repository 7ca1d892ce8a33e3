import type { FastifyReply, FastifyRequest } from 'fastify'

/** A reviewer's session: apart from the studio's own (dailies_session), and sent only under /r. */
export const REVIEW_COOKIE = 'dailies_review'

export function setReviewCookie(reply: FastifyReply, request: FastifyRequest, value: string, until: Date): void {
  reply.setCookie(REVIEW_COOKIE, value, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    // The review pages and the reviewer's API (/r/api): the studio's own routes never see it.
    path: '/r',
    expires: until,
  })
}
