import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { DestinationStream, Logger } from 'pino'
import { startSimulator } from '../simulator/server'
import { buildApp } from './app'
import {
  DEFAULT_DELETE_GRACE_S,
  SIGN_IN_DEFAULTS,
  type Config,
  type UpstreamConfig,
} from './config'
import { loadCatalog } from './catalog/catalog-file'
import { discoverModels } from './catalog/discovery'
import { ModelCatalog } from './catalog/model-catalog'
import { JobService } from './jobs/job-service'
import { createReels } from './reels/create-reels'
import { createSignIn } from './security/sign-in'
import { LinkRepository } from './links/link-repository'
import { createReviewLinks, reelsForLinks } from './links/review-links'
import { DEFAULT_SCHEDULE, type PollSchedule } from './jobs/poll-schedule'
import { Watcher } from './jobs/watcher'
import { Heartbeats } from './leases/heartbeats'
import { JobLeases } from './leases/job-leases'
import { LeaseKeeper } from './leases/lease-keeper'
import { ReelExportLeases } from './leases/reel-export-leases'
import { newReplicaId, type LeaseTerms } from './leases/replica'
import { openStore } from './store/database'
import { createLogger } from './logger'
import { instrumentUpstream } from './metrics/instrument-upstream'
import { StudioMetrics } from './metrics/studio-metrics'
import { countJobsByStatus } from './store/job-counts'
import { JobRepository } from './store/job-repository'
import { ReadMemo } from './store/read-memo'
import type { StudioTables } from './store/tables'
import { createUpstream } from './upstream/create-upstream'
import type { Upstream } from './upstream/types'
import { openVault } from './vault/open-vault'
import type { Vault } from './vault/vault'

export type StudioConfig = Pick<
  Config,
  | 'provider'
  | 'upstream'
  | 'dataDir'
  | 'simulator'
  | 'logLevel'
  | 'token'
  | 'rendersPerMinute'
  | 'ffmpegPath'
> &
  Partial<
    Pick<
      Config,
      | 'signIn'
      | 'trustProxy'
      | 'models'
      | 'jobMaxAgeMs'
      | 'deleteGraceS'
      | 's3'
      | 'providerConcurrency'
      | 'leaseMs'
      | 'databaseUrl'
    >
  >

export interface StudioOverrides {
  schedule?: Partial<PollSchedule>
  now?: () => Date
  distDir?: string
  /** Wraps the real adapter, e.g. to count or fail calls in tests. */
  wrapUpstream?: (upstream: Upstream) => Upstream
  /** Where log lines go instead of stdout, e.g. for a test that reads every one of them. */
  logStream?: DestinationStream
  /** Builds the vault folder, e.g. a subclass whose disk fills up (instead of the configured store). */
  createVault?: (root: string) => Vault
}

export interface Studio {
  app: FastifyInstance
  db: Kysely<StudioTables>
  repo: JobRepository
  vault: Vault
  watcher: Watcher
  /** What /metrics serves; the parts that count (leases, the adapter) add to it. */
  metrics: StudioMetrics
  catalog: ModelCatalog
  /** Settles once the provider's model list has been asked for (discovery never blocks the start). */
  discovery: Promise<void>
  /** The embedded simulator's base URL, when it is the provider. */
  simulatorURL: string | null
  close(): Promise<void>
}

/** Wires store, vault, upstream, watcher and routes together: main.ts and the tests share it. */
export async function createStudio(
  config: StudioConfig,
  overrides: StudioOverrides = {},
): Promise<Studio> {
  const logger = createLogger(config.logLevel, overrides.logStream)
  const simulator =
    config.upstream === null
      ? await startSimulator({
          dataDir: path.join(config.dataDir, 'simulator'),
          timeScale: config.simulator.timeScale,
          apiKey: config.simulator.apiKey,
          ffmpegPath: config.ffmpegPath,
          models: config.models ?? loadCatalog(null),
        })
      : null
  const upstreamConfig: UpstreamConfig = config.upstream ?? {
    baseURL: simulator?.baseURL ?? '',
    apiKey: config.simulator.apiKey ?? 'simulator',
    keyName: 'DAILIES_SIM_KEY',
  }
  const store = await openStore(
    config.databaseUrl
      ? { postgresUrl: config.databaseUrl }
      : { sqliteFile: path.join(config.dataDir, 'dailies.db') },
  )
  const metrics = new StudioMetrics(() => countJobsByStatus(store.db))
  const baseUpstream = instrumentUpstream(createUpstream({ ...upstreamConfig, logger }), metrics)
  const upstream = overrides.wrapUpstream ? overrides.wrapUpstream(baseUpstream) : baseUpstream

  const vault = overrides.createVault
    ? overrides.createVault(path.join(config.dataDir, 'vault'))
    : openVault(config.dataDir, config.s3 ?? null)
  await vault.sweepTemp()
  const repo = new JobRepository(
    store.db,
    store.changeStamp ? new ReadMemo(store.changeStamp) : null,
  )
  const now = overrides.now ?? (() => new Date())
  const leaseTerms: LeaseTerms = {
    owner: newReplicaId(),
    periodMs: config.leaseMs ?? DEFAULT_LEASE_MS,
  }
  const jobLeases = new JobLeases(store.db, store.dialect, leaseTerms)
  const exportLeases = new ReelExportLeases(store.db, leaseTerms)
  const watcher = new Watcher({
    repo,
    leases: jobLeases,
    vault,
    upstream,
    ffmpegPath: config.ffmpegPath,
    now,
    log: logger,
    ...(overrides.schedule ? { schedule: overrides.schedule } : {}),
    ...(config.jobMaxAgeMs ? { maxAgeMs: config.jobMaxAgeMs } : {}),
  })
  const catalog = new ModelCatalog(config.models ?? loadCatalog(null), config.provider)
  const stopDiscovery = new AbortController()
  const discovery = discoverModels(upstream, catalog, logger, stopDiscovery.signal)
  const jobs = new JobService({
    repo,
    vault,
    upstream,
    watcher,
    catalog,
    provider: config.provider,
    now,
    log: logger,
  })
  const { reels, reelExporter } = createReels({
    db: store.db,
    jobs: repo,
    exportLeases,
    vault,
    catalog,
    ffmpegPath: config.ffmpegPath,
    now,
    log: logger,
  })
  const app = await buildApp({
    provider: config.provider,
    catalog,
    db: store.db,
    repo,
    vault,
    jobs,
    metrics,
    signIn: config.token
      ? createSignIn({
          db: store.db,
          token: config.token,
          settings: config.signIn ?? SIGN_IN_DEFAULTS,
          now,
        })
      : null,
    reviewLinks: createReviewLinks({
      repo: new LinkRepository(store.db),
      take: (id) => repo.get(id),
      ...reelsForLinks(reels),
      limits: config.signIn ?? SIGN_IN_DEFAULTS,
      now,
    }),
    trustProxy: config.trustProxy ?? false,
    rendersPerMinute: config.rendersPerMinute,
    ffmpegPath: config.ffmpegPath,
    reels,
    reelExporter,
    logger,
    ...(overrides.distDir ? { distDir: overrides.distDir } : {}),
  })
  // Deleted takes wait for an Undo only while the studio runs: a start purges the rest.
  await jobs.purge()
  const purger = startPurger(jobs, now, config.deleteGraceS ?? DEFAULT_DELETE_GRACE_S, logger)
  await reelExporter.recover('all')
  const leaseKeeper = new LeaseKeeper({
    jobs: jobLeases,
    reelExports: exportLeases,
    heartbeats: new Heartbeats(store.db, leaseTerms),
    watcher,
    recoverExports: () => reelExporter.recover('expired'),
    providerCap:
      overrides.schedule?.concurrency ?? config.providerConcurrency ?? DEFAULT_SCHEDULE.concurrency,
    metrics,
    now,
    log: logger,
  })
  await leaseKeeper.start()

  return {
    app,
    db: store.db,
    repo,
    vault,
    watcher,
    metrics,
    catalog,
    discovery,
    simulatorURL: simulator?.baseURL ?? null,
    /** A graceful stop: no new leases, requests and provider calls under way finish, leases are let go. */
    async close() {
      clearInterval(purger)
      stopDiscovery.abort()
      await leaseKeeper.stop()
      await discovery
      await app.close()
      await jobs.drain()
      await watcher.stop()
      await reelExporter.stop()
      await leaseKeeper.leave().catch((error: unknown) => {
        // As with the leases: with the database gone, this replica's heartbeat simply goes stale.
        app.log.warn(
          { err: error },
          'could not sign this replica off; the others notice it is gone',
        )
      })
      await store.close()
      await simulator?.close()
    },
  }
}

/** How long a lease holds unrenewed when the config does not say (DAILIES_LEASE_SECONDS). */
const DEFAULT_LEASE_MS = 30_000

/** Purges, now and then, the deleted jobs whose grace period has run out. */
function startPurger(
  jobs: JobService,
  now: () => Date,
  graceS: number,
  log: Logger,
): NodeJS.Timeout {
  let running = false
  const timer = setInterval(
    () => {
      if (running) return
      running = true
      jobs
        .purge(new Date(now().getTime() - graceS * 1000))
        .catch((error: unknown) => log.warn({ err: error }, 'purging deleted takes failed'))
        .finally(() => (running = false))
    },
    Math.max(100, Math.min(graceS * 1000, 5000)),
  )
  timer.unref()
  return timer
}
