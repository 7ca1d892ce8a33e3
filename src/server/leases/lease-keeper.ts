import type { FastifyBaseLogger } from 'fastify'
import type { Watcher } from '../jobs/watcher'
import type { StudioMetrics } from '../metrics/studio-metrics'
import { shareOf, type Heartbeats } from './heartbeats'
import type { JobLeases } from './job-leases'
import type { ReelExportLeases } from './reel-export-leases'
import { ownerIsGone } from './replica'

export interface LeaseKeeperDeps {
  jobs: JobLeases
  reelExports: ReelExportLeases
  heartbeats: Heartbeats
  watcher: Watcher
  /** Marks exports whose replica is gone as interrupted (ReelExporter.recover). */
  recoverExports: () => Promise<void>
  /** Provider requests in flight at once, all replicas together. */
  providerCap: number
  metrics: StudioMetrics
  now: () => Date
  log: FastifyBaseLogger
}

/** Ticks per lease period: a lease is renewed twice more before it could run out. */
const TICKS_PER_PERIOD = 3

/**
 * This replica's side of sharing the work (ADR 007), once per third of a lease period: a
 * heartbeat (and this replica's share of the provider cap from the live count), one renewal of
 * every lease it holds, a claim of the jobs nobody holds or whose holder stopped renewing, and
 * the recovery of exports whose replica is gone.
 */
export class LeaseKeeper {
  private timer: NodeJS.Timeout | null = null
  private ticking: Promise<void> = Promise.resolve()
  private stopped = false

  constructor(private readonly deps: LeaseKeeperDeps) {}

  /** The first tick runs before the studio serves: jobs nobody follows are followed at once. */
  async start(): Promise<void> {
    await this.tick()
    this.timer = setInterval(() => {
      this.ticking = this.ticking.then(() =>
        this.tick().catch((error: unknown) => this.deps.log.warn({ err: error }, 'lease tick failed; retrying next tick')),
      )
    }, this.deps.jobs.terms.periodMs / TICKS_PER_PERIOD)
    this.timer.unref()
  }

  /** Takes no new leases from now on (those held are let go by the watcher and the exporter). */
  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearInterval(this.timer)
    await this.ticking
  }

  /** A graceful stop's last word: the others' shares of the cap grow at their next tick. */
  leave(): Promise<void> {
    return this.deps.heartbeats.leave()
  }

  private async tick(): Promise<void> {
    if (this.stopped) return
    const now = this.deps.now()
    const live = await this.deps.heartbeats.beat(now)
    this.deps.watcher.setSlots(shareOf(this.deps.providerCap, live))
    await this.deps.jobs.renewAll(now)
    await this.deps.reelExports.renewAll(now)
    if (this.stopped) return
    await this.deps.jobs.expireGone(ownerIsGone)
    const takenOver = await this.deps.watcher.resume()
    if (takenOver > 0) {
      this.deps.metrics.leaseTakeovers.inc(takenOver)
      this.deps.log.warn({ takenOver }, "took over jobs whose replica stopped renewing its leases")
    }
    await this.deps.recoverExports()
  }
}
