import path from 'node:path'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import type { Provider } from '../contract/capabilities'
import { installErrorHandler } from './routes/error-handler'
import { capabilitiesRoutes, healthRoutes } from './routes/health'
import { spaRoutes } from './routes/spa'

export interface AppDeps {
  provider: Provider
  /** Where the built SPA lives; defaults to ./dist. */
  distDir?: string
  logger?: FastifyServerOptions['logger']
}

export const LOG_REDACT = ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]']

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: deps.logger ?? false })
  installErrorHandler(app)
  healthRoutes(app, deps.provider)
  capabilitiesRoutes(app, deps.provider)
  await spaRoutes(app, deps.distDir ?? path.resolve('dist'))
  return app
}
