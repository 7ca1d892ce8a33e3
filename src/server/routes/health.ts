import type { FastifyInstance } from 'fastify'
import type { Health } from '../../contract/api'
import { capabilitiesFor, type Capabilities, type Provider } from '../../contract/capabilities'

export function healthRoutes(app: FastifyInstance, provider: Provider): void {
  app.get('/api/health', (): Health => ({ ok: true, provider }))
}

export function capabilitiesRoutes(app: FastifyInstance, provider: Provider): void {
  const capabilities = capabilitiesFor(provider)
  app.get('/api/capabilities', (): Capabilities => capabilities)
}
