import type { FastifyInstance } from 'fastify'
import type { StudioMetrics } from '../metrics/studio-metrics'
import { ROUTE_SCHEMAS } from './route-schemas'

/** GET /metrics for Prometheus; with DAILIES_TOKEN set it needs the token like /api (security/session.ts). */
export function metricsRoutes(app: FastifyInstance, metrics: StudioMetrics): void {
  app.get('/metrics', { schema: ROUTE_SCHEMAS.metrics }, async (_request, reply) => {
    const { body, contentType } = await metrics.scrape()
    return reply.type(contentType).send(body)
  })
}
