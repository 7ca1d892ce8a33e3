import type { FastifyBaseLogger } from 'fastify'
import { isTerminal } from '../../contract/job-status'
import type { JobLeases } from '../leases/job-leases'
import type { JobRepository } from '../store/job-repository'
import type { JobPatch, JobRecord } from '../store/job-record'
import { UpstreamError, type Upstream, type UpstreamVideo } from '../upstream/types'
import type { Vault } from '../vault/vault'
import { archiveStep } from './archive-step'
import { TIMED_OUT } from './cancel-words'
import { INTERRUPTED, LOST_UPSTREAM } from './job-errors'
import { DEFAULT_MAX_AGE_MS, DEFAULT_SCHEDULE, type PollSchedule } from './poll-schedule'
import { retryDelayMs } from './retry-policy'

interface Tracked {
  timer: NodeJS.Timeout | null
  intervalMs: number
  failures: number
}

export interface WatcherDeps {
  repo: JobRepository
  /** This replica's leases: it follows only the jobs it holds (ADR 007). */
  leases: JobLeases
  vault: Vault
  upstream: Upstream
  /** Makes each archived take's tile-sized still (media/still.ts). */
  ffmpegPath: string
  now: () => Date
  log: FastifyBaseLogger
  schedule?: Partial<PollSchedule>
  random?: () => number
  /** A job not finished this long after it was created fails (default 60 min). */
  maxAgeMs?: number
}

/**
 * Follows every active job upstream from the BFF: one request in flight per job, a cap on
 * concurrent polls, backoff with jitter, Retry-After honoured. Browsers only ever read the store.
 */
export class Watcher {
  private readonly tracked = new Map<string, Tracked>()
  private readonly waiting: string[] = []
  private readonly running = new Set<Promise<void>>()
  private readonly schedule: PollSchedule
  private readonly random: () => number
  private readonly maxAgeMs: number
  /** Jobs whose unknown status word has been logged: once per job is enough. */
  private readonly unknownLogged = new Set<string>()
  private stopped = false
  private slots: number
  private resumeUnsent: (job: JobRecord) => Promise<boolean> = () => Promise.resolve(false)

  constructor(private readonly deps: WatcherDeps) {
    this.schedule = { ...DEFAULT_SCHEDULE, ...deps.schedule }
    this.slots = this.schedule.concurrency
    this.random = deps.random ?? Math.random
    this.maxAgeMs = deps.maxAgeMs ?? DEFAULT_MAX_AGE_MS
  }

  get leases(): JobLeases {
    return this.deps.leases
  }

  /**
   * The job service's: runs again the submission step of a `submitting` job the provider cannot
   * have heard of yet (a reference still to fit, ADR 008); answers false for any other.
   */
  resumeUnsentWith(resume: (job: JobRecord) => Promise<boolean>): void {
    this.resumeUnsent = resume
  }

  /** This replica's share of the provider cap, as the live replicas split it (leases/heartbeats). */
  setSlots(slots: number): void {
    this.slots = slots
    this.drain()
  }

  /**
   * Claims the unfinished jobs no live replica holds (all of them at a lone start) and follows
   * them; answers how many were taken over from a replica whose lease ran out.
   */
  async resume(): Promise<number> {
    if (this.stopped) return 0
    const { ids, takenOver } = await this.deps.leases.claim(this.deps.now())
    for (const id of ids) {
      // A live submitter holds its job's lease, so a submitting job claimed here lost its replica mid-submit.
      const job = await this.deps.repo.get(id)
      if (job?.status === 'submitting') {
        if (await this.resumeUnsent(job)) continue
        await this.patch(id, { status: 'failed', error: INTERRUPTED, costUsd: 0 })
        this.deps.log.warn({ jobId: id }, 'job interrupted before the provider answered')
        await this.deps.leases.release(id)
      } else {
        this.track(id, 0)
      }
    }
    if (ids.length > 0)
      this.deps.log.info({ claimed: ids.length, takenOver }, 'following unfinished jobs')
    return takenOver
  }

  track(jobId: string, delayMs = this.schedule.minMs): void {
    if (this.stopped || this.tracked.has(jobId)) return
    this.tracked.set(jobId, { timer: null, intervalMs: this.schedule.minMs, failures: 0 })
    this.wake(jobId, delayMs)
  }

  forget(jobId: string): void {
    const state = this.tracked.get(jobId)
    if (state?.timer) clearTimeout(state.timer)
    this.tracked.delete(jobId)
    this.unknownLogged.delete(jobId)
  }

  get activeCount(): number {
    return this.tracked.size
  }

  /** Finishes the polls and archives under way, then lets go of every lease for another replica. */
  async stop(): Promise<void> {
    this.stopped = true
    for (const id of [...this.tracked.keys()]) this.forget(id)
    await Promise.allSettled([...this.running])
    try {
      await this.deps.leases.releaseAll()
    } catch (error) {
      // The database is gone: the leases cannot be let go, and run out by themselves instead.
      this.deps.log.warn(
        { err: error },
        'could not release the job leases; they expire on their own',
      )
    }
  }

  private wake(jobId: string, delayMs: number): void {
    const state = this.tracked.get(jobId)
    if (!state || this.stopped) return
    state.timer = setTimeout(() => {
      state.timer = null
      this.waiting.push(jobId)
      this.drain()
    }, delayMs)
  }

  private drain(): void {
    while (this.running.size < this.slots && this.waiting.length > 0) {
      const jobId = this.waiting.shift()
      if (!jobId || !this.tracked.has(jobId)) continue
      const run: Promise<void> = this.step(jobId)
        .then((next) => (next === null ? this.finish(jobId) : this.wake(jobId, next)))
        .catch((error: unknown) => {
          this.deps.log.error({ err: error, jobId }, 'watcher step failed')
          this.wake(jobId, this.backoff(jobId))
        })
        .finally(() => {
          this.running.delete(run)
          this.drain()
        })
      this.running.add(run)
    }
  }

  /** One poll (or archive attempt) of one job; answers the delay until the next, or null when done. */
  private async step(jobId: string): Promise<number | null> {
    // Renewed before every provider call: while it holds, no other replica polls this job.
    if (!(await this.deps.leases.hold(jobId, this.deps.now()))) return null
    const job = await this.deps.repo.get(jobId)
    if (!job || isTerminal(job.status) || !job.upstreamId) return null
    const withUpstream = { ...job, upstreamId: job.upstreamId }
    if (job.status === 'archiving') return this.archive(withUpstream)
    if (this.tooOld(job)) return this.giveUp(withUpstream)

    let video: UpstreamVideo
    try {
      video = await this.deps.upstream.retrieve(job.upstreamId)
    } catch (error) {
      if (await this.cancelledMeanwhile(jobId)) return null
      if (error instanceof UpstreamError && error.kind === 'not_found') {
        await this.patch(jobId, { status: 'failed', error: LOST_UPSTREAM, costUsd: 0 })
        return null
      }
      return this.backoff(jobId, error)
    }
    // A cancel while the poll was out wins: nothing the provider says now is kept.
    if (await this.cancelledMeanwhile(jobId)) return null
    const state = this.tracked.get(jobId)
    if (state) state.failures = 0
    if (video.unknownStatus !== null && !this.unknownLogged.has(jobId)) {
      this.unknownLogged.add(jobId)
      const entry = { jobId, upstreamId: video.id, word: video.unknownStatus }
      this.deps.log.warn(entry, `unknown upstream status, read as ${video.status}`)
    }
    if (video.model && video.model !== job.providerModel)
      await this.patch(jobId, { providerModel: video.model })

    if (video.status === 'cancelled') {
      await this.patch(jobId, { status: 'cancelled', costUsd: 0 })
      this.deps.log.info({ jobId, upstreamId: video.id }, 'job cancelled at the provider')
      return null
    }
    if (video.status === 'failed') {
      const error = video.error ?? {
        code: 'failed',
        kind: 'render_failed' as const,
        message: 'The provider could not render this take.',
      }
      await this.patch(jobId, { status: 'failed', error, costUsd: 0 })
      this.deps.log.info({ jobId, upstreamId: video.id, code: error.code }, 'job failed upstream')
      return null
    }
    if (video.status === 'completed') {
      if (!(await this.patch(jobId, { status: 'archiving', progress: 100 }))) return null
      return this.archive({ ...withUpstream, status: 'archiving' })
    }
    const moved = video.status !== job.status || video.progress !== job.progress
    if (moved) await this.patch(jobId, { status: video.status, progress: video.progress })
    return this.nextPollDelay(jobId, moved)
  }

  private async archive(job: JobRecord & { upstreamId: string }): Promise<number | null> {
    const outcome = await archiveStep(this.deps, job, (patch) => this.patch(job.id, patch))
    return outcome === 'done' ? null : this.backoff(job.id, outcome.retry)
  }

  /** The job needs this replica no more: it ended, or another replica holds it. */
  private finish(jobId: string): void {
    this.forget(jobId)
    this.deps.leases.release(jobId).catch((error: unknown) => {
      this.deps.log.warn({ err: error, jobId }, 'releasing the lease failed; it runs out by itself')
    })
  }

  private tooOld(job: JobRecord): boolean {
    return this.deps.now().getTime() - Date.parse(job.createdAt) > this.maxAgeMs
  }

  /** Fails a take the provider never finished, and asks the provider to stop it. */
  private async giveUp(job: JobRecord & { upstreamId: string }): Promise<null> {
    await this.patch(job.id, {
      status: 'failed',
      error: TIMED_OUT(Math.round(this.maxAgeMs / 60_000)),
      costUsd: 0,
    })
    this.deps.log.warn({ jobId: job.id, upstreamId: job.upstreamId }, 'job exceeded the age limit')
    this.deps.upstream.delete(job.upstreamId).catch((error: unknown) => {
      this.deps.log.info({ err: error, jobId: job.id }, 'provider did not stop the timed-out job')
    })
    return null
  }

  private async cancelledMeanwhile(jobId: string): Promise<boolean> {
    const status = (await this.deps.repo.get(jobId))?.status
    return status === undefined || status === 'cancelled'
  }

  private nextPollDelay(jobId: string, moved: boolean): number {
    const state = this.tracked.get(jobId)
    if (!state) return this.schedule.minMs
    const { minMs, maxMs } = this.schedule
    state.intervalMs = moved ? minMs : Math.min(maxMs, state.intervalMs * 1.5)
    return Math.round(state.intervalMs * (0.8 + 0.2 * this.random()))
  }

  /** The delay before the next try after a failed read; the step has already freed its slot. */
  private backoff(jobId: string, error?: unknown): number {
    const state = this.tracked.get(jobId)
    const failures = state ? ++state.failures : 1
    const delayMs = retryDelayMs(this.schedule, failures, error, this.random)
    if (error)
      this.deps.log.warn({ jobId, err: error, failures, delayMs }, 'upstream trouble, backing off')
    return delayMs
  }

  /**
   * Writes what the watcher learnt; false when nothing was written: the job ended meanwhile (a
   * cancel), or this replica lost its lease (another owns the job's outcome now).
   */
  private async patch(jobId: string, patch: JobPatch): Promise<boolean> {
    const now = this.deps.now().toISOString()
    const options = { whileActive: true, leaseOwner: this.deps.leases.owner }
    return (await this.deps.repo.update(jobId, patch, now, options)) !== null
  }
}
