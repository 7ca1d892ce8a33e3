import type { FastifyInstance } from 'fastify'
import { ROUTE_SCHEMAS } from './route-schemas'
import type { Health } from '../../contract/api'
import { PROMPT_MAX_LENGTH, UPLOAD_LIMITS, type Capabilities, type Provider } from '../../contract/capabilities'
import type { ModelCatalog } from '../catalog/model-catalog'

export function healthRoutes(app: FastifyInstance, provider: Provider): void {
  app.get('/api/health', { schema: ROUTE_SCHEMAS.health }, (): Health => ({ ok: true, provider }))
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
