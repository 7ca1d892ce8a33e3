import { loadConfig, type S3Settings } from '../../src/server/config'
import { createStudio } from '../../src/server/studio'
import { childConfig, serveParent } from './child-runtime'

/** The real studio (createStudio) listening on a loopback port, in a process of its own. */
export interface StudioChildConfig {
  dataDir: string
  /** The built SPA to serve; default ./dist. */
  distDir?: string
  /** A provider base URL (e.g. a simulator in another process); default the embedded simulator. */
  upstreamURL?: string
  logLevel?: 'info' | 'warn' | 'silent'
  /** Keep files in this bucket instead of the vault folder. */
  s3?: S3Settings
  /** A PostgreSQL database (DATABASE_URL) instead of the SQLite file in dataDir. */
  databaseUrl?: string
  /** DAILIES_TOKEN: every /api request then needs a session (or the token); default none. */
  token?: string
}

const config = childConfig<StudioChildConfig>()
const studio = await createStudio(
  {
    provider: config.upstreamURL ? 'custom' : 'simulator',
    upstream: config.upstreamURL
      ? { baseURL: config.upstreamURL, apiKey: 'bench', keyName: 'DAILIES_UPSTREAM_KEY' }
      : null,
    dataDir: config.dataDir,
    simulator: { timeScale: 0, apiKey: null },
    // The production default: every request is logged (to /dev/null here, but serialised all the same).
    logLevel: config.logLevel ?? 'info',
    token: config.token ?? null,
    rendersPerMinute: 10_000,
    ffmpegPath: loadConfig({}).ffmpegPath,
    s3: config.s3 ?? null,
    databaseUrl: config.databaseUrl ?? null,
  },
  config.distDir ? { distDir: config.distDir } : {},
)
await studio.app.listen({ host: '127.0.0.1', port: 0 })
const address = studio.app.server.address()
const port = typeof address === 'object' && address ? address.port : 0

serveParent({ port: () => port }, () => studio.close())
