import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { JobList } from '../../contract/api'
import { jobIdSchema, type Job } from '../../contract/job'
import { ApiError } from '../../contract/errors'
import type { JobService } from '../jobs/job-service'
import { presentJob } from '../jobs/present'
import type { JobRepository } from '../store/job-repository'
import type { ListPage } from '../store/job-list'
import type { Vault } from '../vault/vault'
import { renderLimit } from '../security/rate-limit'
import { decodeCursor, encodeCursor } from './cursor'
import type { ModelCatalog } from '../catalog/model-catalog'
import { uploadScope, withJobUpload } from './job-upload'
import { ROUTE_SCHEMAS } from './route-schemas'
import { WrittenReplies } from './written-replies'

export interface JobRoutesDeps {
  jobs: JobService
  catalog: ModelCatalog
  repo: JobRepository
  vault: Vault
  rendersPerMinute: number
}

export function parseJobId(params: unknown): string {
  const id = (params as { id?: unknown }).id
  const parsed = jobIdSchema.safeParse(id)
  if (!parsed.success) throw new ApiError('not_found', `Job ${String(id)} does not exist`)
  return parsed.data
}

export function jobRoutes(fastify: FastifyInstance, { jobs, catalog, repo, vault, rendersPerMinute }: JobRoutesDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const config = renderLimit(rendersPerMinute)
  // What every open tab polls: written once per value the read memo keeps (written-replies.ts).
  const pages = new WrittenReplies(
    (page: ListPage): JobList => ({
      items: page.items.map(presentJob),
      nextCursor: page.hasMore && page.lastSeq !== null ? encodeCursor(page.lastSeq) : null,
    }),
  )
  const takes = new WrittenReplies(presentJob)

  app.get('/api/jobs', { schema: ROUTE_SCHEMAS.listJobs }, async (request, reply) => {
    const query = request.query
    const page = await repo.list({ ...query, beforeSeq: query.cursor ? decodeCursor(query.cursor) : undefined })
    return pages.send(request, reply, page)
  })

  app.get('/api/jobs/:id', { schema: ROUTE_SCHEMAS.getJob }, async (request, reply) =>
    takes.send(request, reply, await jobs.get(parseJobId(request.params))),
  )

  uploadScope(fastify, (scope) => {
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/jobs',
      { config, schema: ROUTE_SCHEMAS.createJob },
      async (request, reply): Promise<Job> => {
        const job = await withJobUpload(request, vault, catalog, (upload) =>
          jobs.create(upload.fields, upload.references, request.author),
        )
        return reply.status(201).send(presentJob(job))
      },
    )
  })

  app.post('/api/jobs/:id/remix', { config, schema: ROUTE_SCHEMAS.remixJob }, async (request, reply): Promise<Job> => {
    const id = parseJobId(request.params)
    const { prompt } = request.body
    return reply.status(201).send(presentJob(await jobs.remix(id, prompt, request.author)))
  })

  app.post('/api/jobs/:id/retry', { config, schema: ROUTE_SCHEMAS.retryJob }, async (request, reply): Promise<Job> => {
    const job = await jobs.retry(parseJobId(request.params), request.author)
    return reply.status(201).send(presentJob(job))
  })

  app.post('/api/jobs/:id/cancel', { schema: ROUTE_SCHEMAS.cancelJob }, async (request): Promise<Job> =>
    presentJob(await jobs.cancel(parseJobId(request.params))),
  )

  // A delete can be undone until the grace period ends: POST …/restore brings the take back.
  app.delete('/api/jobs/:id', { schema: ROUTE_SCHEMAS.deleteJob }, async (request, reply) => {
    await jobs.delete(parseJobId(request.params))
    return reply.status(204).send(null)
  })

  app.post('/api/jobs/:id/restore', { schema: ROUTE_SCHEMAS.restoreJob }, async (request): Promise<Job> =>
    presentJob(await jobs.restore(parseJobId(request.params))),
  )
}
