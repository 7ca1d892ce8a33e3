import path from 'node:path'
import cookie from '@fastify/cookie'
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { Provider } from '../contract/capabilities'
import { compressReplies } from './compression'
import type { ModelCatalog } from './catalog/model-catalog'
import type { JobService } from './jobs/job-service'
import type { StudioMetrics } from './metrics/studio-metrics'
import { RequestLog } from './request-log'
import { requestLogger } from './request-logger'
import { apiDocs } from './routes/api-docs'
import { authorRoutes } from './routes/authors'
import { installErrorHandler } from './routes/error-handler'
import { frameRoutes } from './routes/frame'
import { capabilitiesRoutes, healthRoutes } from './routes/health'
import { jobRoutes } from './routes/jobs'
import { metricsRoutes } from './routes/metrics'
import { mediaRoutes } from './routes/media'
import { reelRoutes } from './routes/reels'
import type { ReelExporter } from './reels/reel-exporter'
import type { ReelService } from './reels/reel-service'
import { reviewRoutes } from './routes/review'
import { createReview } from './review/create-review'
import { validateWithZod } from './routes/validate-with-zod'
import { sessionRoutes } from './routes/session'
import { spaRoutes } from './routes/spa'
import { spendRoutes } from './routes/spend'
import { decorateAuthor } from './security/author'
import { securityHeaders } from './security/headers'
import { serializerCompiler } from './serializer'
import { renderRateLimit } from './security/rate-limit'
import { refuseCrossSiteWrites } from './security/same-origin'
import { requireToken } from './security/session'
import { acceptForms } from './security/form-body'
import { refuseNulText } from './security/nul-text'
import { reviewScope, routeReviewApi } from './security/review-scope'
import { linkPages } from './links/link-pages'
import { linkRoutes, sharedTakes } from './links/link-routes'
import type { ReviewLinks } from './links/review-links'
import type { SignIn } from './security/sign-in'
import type { JobRepository } from './store/job-repository'
import { databaseReachable } from './store/reachable'
import type { StudioTables } from './store/tables'
import type { Vault } from './vault/vault'

export interface AppDeps {
  provider: Provider
  catalog: ModelCatalog
  /** The studio's database (SQLite or PostgreSQL): new repositories take this. */
  db: Kysely<StudioTables>
  repo: JobRepository
  vault: Vault
  jobs: JobService
  /** Served at /metrics (behind the token, like /api). */
  metrics: StudioMetrics
  /** With DAILIES_TOKEN set: every /api request needs the token or a session it signed in to. */
  signIn: SignIn | null
  /** Review links: `/r/<token>` pages, and the reviewer's /r/api held to the shared takes. */
  reviewLinks: ReviewLinks
  /** Whose X-Forwarded-* headers to believe (client address for the sign-in limits, HTTPS). */
  trustProxy: boolean | string[]
  rendersPerMinute: number
  /** The ffmpeg that extracts frames for "Continue from here". */
  ffmpegPath: string
  reels: ReelService
  reelExporter: ReelExporter
  /** Where the built SPA lives; defaults to ./dist. */
  distDir?: string
  logger?: FastifyBaseLogger
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    trustProxy: deps.trustProxy,
    // A reviewer's /r/api/… is served by the /api/… routes, under review-scope's rules.
    rewriteUrl: (request) => routeReviewApi(request.url ?? '/'),
    logController: new RequestLog(),
    childLoggerFactory: requestLogger,
    ...(deps.logger ? { loggerInstance: deps.logger } : {}),
  })
  app.setValidatorCompiler(validateWithZod)
  app.setSerializerCompiler(serializerCompiler)
  installErrorHandler(app)
  await compressReplies(app)
  securityHeaders(app)
  refuseCrossSiteWrites(app)
  await app.register(cookie)
  acceptForms(app)
  refuseNulText(app)
  const { reviewLinks } = deps
  reviewScope(app, {
    links: reviewLinks.service,
    listTakes: (review) => sharedTakes(review, reviewLinks.take),
    listReels: reviewLinks.listReels,
  })
  decorateAuthor(app)
  if (deps.signIn) requireToken(app, deps.signIn)
  await renderRateLimit(app)
  await apiDocs(app)
  healthRoutes(app, deps.provider, {
    database: () => databaseReachable(deps.db),
    storage: () => deps.vault.reachable(),
  })
  metricsRoutes(app, deps.metrics)
  authorRoutes(app, deps.db)
  spendRoutes(app, deps.repo)
  capabilitiesRoutes(app, deps.catalog)
  sessionRoutes(app, deps.signIn)
  jobRoutes(app, deps)
  frameRoutes(app, deps)
  mediaRoutes(app, deps)
  reelRoutes(app, deps)
  reviewRoutes(app, createReview({ ...deps, log: app.log }))
  const distDir = deps.distDir ?? path.resolve('dist')
  linkRoutes(app, { links: reviewLinks.service, take: reviewLinks.take })
  linkPages(app, { links: reviewLinks.service, limiter: reviewLinks.limiter, distDir })
  await spaRoutes(app, distDir)
  return app
}
