import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { ApiError } from '../../contract/errors'
import type { Job } from '../../contract/job'
import type { CreatedReviewLink, ReviewerView, ReviewLinkList } from '../../contract/links'
import { presentJob } from '../jobs/present'
import { ROUTE_SCHEMAS } from '../routes/route-schemas'
import type { RequestReview } from '../security/review-scope'
import type { JobRecord } from '../store/job-record'
import type { LinkService } from './link-service'

export interface LinkRoutesDeps {
  links: LinkService
  take: (id: string) => JobRecord | null | Promise<JobRecord | null>
}

/** A link's takes that still exist and are finished, in play order, as the API presents them. */
export async function sharedTakes(review: RequestReview, take: LinkRoutesDeps['take']): Promise<Job[]> {
  const takes: Job[] = []
  for (const id of review.jobIds) {
    const job = await take(id)
    if (job?.status === 'completed') takes.push(presentJob(job))
  }
  return takes
}

const reviewOf = (review: RequestReview | null): RequestReview => {
  // Only the reviewer's /r/api reaches these with a link; the studio's /api has none to show.
  if (!review) throw new ApiError('not_found', 'No review link in use: open one at its /r/… address')
  return review
}

/**
 * The owner's review links (create, list, revoke), and the reviewer's view of the link in use.
 * Reviewers reach only the latter: review-scope refuses them the rest.
 */
export function linkRoutes(fastify: FastifyInstance, deps: LinkRoutesDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const { links } = deps

  app.post('/api/reviews', { schema: ROUTE_SCHEMAS.createReview }, async (request, reply): Promise<CreatedReviewLink> => {
    const { link, token } = await links.create(request.body)
    return reply.status(201).send({ ...link, path: `/r/${token}` })
  })

  app.get('/api/reviews', { schema: ROUTE_SCHEMAS.listReviews }, async (): Promise<ReviewLinkList> => ({
    items: await links.list(),
  }))

  app.delete('/api/reviews/:id', { schema: ROUTE_SCHEMAS.revokeReview }, async (request, reply) => {
    await links.revoke(request.params.id)
    return reply.status(204).send(null)
  })

  app.get('/api/review-link', { schema: ROUTE_SCHEMAS.reviewerView }, async (request): Promise<ReviewerView> => {
    const review = reviewOf(request.review)
    return {
      permission: review.link.permission,
      expiresAt: review.link.expiresAt,
      reviewer: review.reviewer,
      reel: review.reel ? { id: review.reel.id, name: review.reel.name, video: review.reel.video } : null,
      takes: await sharedTakes(review, deps.take),
    }
  })

  app.put('/api/review-link/reviewer', { schema: ROUTE_SCHEMAS.nameReviewer }, async (request, reply) => {
    const review = reviewOf(request.review)
    await links.nameReviewer(review.sessionHash, request.body.name)
    return reply.status(204).send(null)
  })
}
