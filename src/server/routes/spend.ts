import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Spend } from '../../contract/api'
import type { JobRepository } from '../store/job-repository'
import { ROUTE_SCHEMAS } from './route-schemas'

/** GET /api/spend: the header's "$X today", added up by the server over every take since an instant. */
export function spendRoutes(fastify: FastifyInstance, repo: JobRepository): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  app.get('/api/spend', { schema: ROUTE_SCHEMAS.spend }, async (request): Promise<Spend> => {
    // Stored times are UTC ISO text: an instant with an offset is compared in that form.
    const since = new Date(request.query.since).toISOString()
    return { since, ...(await repo.spend(since)) }
  })
}
