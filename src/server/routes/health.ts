import type { FastifyInstance } from 'fastify'
import { ROUTE_SCHEMAS } from './route-schemas'
import type { Health } from '../../contract/api'
import { PROMPT_MAX_LENGTH, UPLOAD_LIMITS, type Capabilities, type Provider } from '../../contract/capabilities'
import type { ModelCatalog } from '../catalog/model-catalog'

/** What the studio cannot work without, each asked whether it answers. */
export interface HealthProbes {
  database(): Promise<boolean>
  storage(): Promise<boolean>
}

/**
 * Open to all (a load balancer asks it without the token): 200 when the database and the media
 * storage both answer, else 503, so a replica that lost either is taken out of rotation.
 */
export function healthRoutes(app: FastifyInstance, provider: Provider, probes: HealthProbes): void {
  app.get('/api/health', { schema: ROUTE_SCHEMAS.health }, async (_request, reply) => {
    const [database, storage] = await Promise.all([probes.database(), probes.storage()])
    const health: Health = {
      ok: database && storage,
      provider,
      database: database ? 'up' : 'down',
      storage: storage ? 'up' : 'down',
    }
    return reply.status(health.ok ? 200 : 503).send(health)
  })
}

/** The live catalog as this provider serves it; discovery may change it after the start. */
export function capabilitiesRoutes(app: FastifyInstance, catalog: ModelCatalog): void {
  app.get('/api/capabilities', { schema: ROUTE_SCHEMAS.capabilities }, (): Capabilities => ({
    provider: catalog.provider,
    promptMaxLength: PROMPT_MAX_LENGTH,
    models: catalog.models(),
    upload: { ...UPLOAD_LIMITS, types: [...UPLOAD_LIMITS.types] },
  }))
}
