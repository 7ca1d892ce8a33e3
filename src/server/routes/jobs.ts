import type { FastifyInstance } from 'fastify'
import { jobListSchema, listJobsQuerySchema, remixRequestSchema, type JobList } from '../../contract/api'
import { jobIdSchema, jobSchema, type Job } from '../../contract/job'
import { ApiError } from '../../contract/errors'
import type { JobService } from '../jobs/job-service'
import { presentJob } from '../jobs/present'
import type { JobRepository } from '../store/job-repository'
import type { Vault } from '../vault/vault'
import { renderLimit } from '../security/rate-limit'
import { decodeCursor, encodeCursor } from './cursor'
import type { ModelCatalog } from '../catalog/model-catalog'
import { readJobUpload, removeUploads } from './job-upload'

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

export function jobRoutes(app: FastifyInstance, { jobs, catalog, repo, vault, rendersPerMinute }: JobRoutesDeps): void {
  const config = renderLimit(rendersPerMinute)
  // Reply schemas: the fast serialiser (serializer.ts) writes these, the busiest replies.
  app.get('/api/jobs', { schema: { response: { 200: jobListSchema } } }, (request): JobList => {
    const query = listJobsQuerySchema.parse(request.query)
    const page = repo.list({ ...query, beforeSeq: query.cursor ? decodeCursor(query.cursor) : undefined })
    return {
      items: page.items.map(presentJob),
      nextCursor: page.hasMore && page.lastSeq !== null ? encodeCursor(page.lastSeq) : null,
    }
  })

  app.get(
    '/api/jobs/:id',
    { schema: { response: { 200: jobSchema } } },
    (request): Job => presentJob(jobs.get(parseJobId(request.params))),
  )

  app.post('/api/jobs', { config }, async (request, reply): Promise<Job> => {
    const upload = await readJobUpload(request, vault, catalog)
    try {
      const job = await jobs.create(upload.fields, upload.references)
      return reply.status(201).send(presentJob(job))
    } finally {
      await removeUploads(vault, upload.references)
    }
  })

  app.post('/api/jobs/:id/remix', { config }, async (request, reply): Promise<Job> => {
    const id = parseJobId(request.params)
    const { prompt } = remixRequestSchema.parse(request.body ?? {})
    return reply.status(201).send(presentJob(await jobs.remix(id, prompt)))
  })

  app.post('/api/jobs/:id/retry', { config }, async (request, reply): Promise<Job> => {
    const job = await jobs.retry(parseJobId(request.params))
    return reply.status(201).send(presentJob(job))
  })

  app.post('/api/jobs/:id/cancel', async (request): Promise<Job> =>
    presentJob(await jobs.cancel(parseJobId(request.params))),
  )

  // A delete can be undone until the grace period ends: POST …/restore brings the take back.
  app.delete('/api/jobs/:id', (request, reply) => {
    jobs.delete(parseJobId(request.params))
    return reply.status(204).send()
  })

  app.post('/api/jobs/:id/restore', (request): Job => presentJob(jobs.restore(parseJobId(request.params))))
}
