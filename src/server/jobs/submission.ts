import type { FastifyBaseLogger } from 'fastify'
import type { ModelCatalog } from '../catalog/model-catalog'
import { notFound } from '../errors'
import type { JobRepository } from '../store/job-repository'
import type { JobRecord } from '../store/job-record'
import type { Upstream, UpstreamVideo } from '../upstream/types'
import type { Vault } from '../vault/vault'
import { fitStoredReferences, hasOriginals, stored, type FittedPair } from './fit-step'
import { jobErrorFrom, referenceFailure } from './job-errors'
import type { Watcher } from './watcher'

export interface SubmissionDeps {
  repo: JobRepository
  vault: Vault
  upstream: Upstream
  watcher: Watcher
  catalog: ModelCatalog
  now: () => Date
  log: FastifyBaseLogger
}

/**
 * A job's submission step: from its row in `submitting` to the provider's answer. A job with
 * reference images has them fitted here first, after its 201 (ADR 008); the provider is called
 * once, and only after the fitted copies and their hashes are stored.
 */
export class Submission {
  /** Steps under way after their 201 (a reference to fit, then the provider call). */
  private readonly running = new Set<Promise<void>>()

  constructor(private readonly deps: SubmissionDeps) {}

  /** Sends a create with these fitted reference PNGs (none for a text-only take). */
  create(job: JobRecord, referencePngs: Buffer[]): Promise<JobRecord> {
    const fixed = this.deps.catalog.model(job.model)?.fixedSeconds ?? false
    const references = referencePngs.map((bytes, index) => ({
      bytes,
      filename: index === 0 ? 'first-frame.png' : 'last-frame.png',
      contentType: 'image/png',
    }))
    return this.submit(job, () =>
      this.deps.upstream.create({
        prompt: job.prompt,
        model: job.model,
        size: job.size,
        seconds: fixed ? null : job.seconds,
        references,
      }),
    )
  }

  /** Calls the provider once; a refusal is kept on the job, so the prompt is never lost. */
  async submit(job: JobRecord, call: () => Promise<UpstreamVideo>): Promise<JobRecord> {
    const now = () => this.deps.now().toISOString()
    try {
      const video = await call()
      this.deps.log.info({ jobId: job.id, upstreamId: video.id, providerModel: video.model }, 'job submitted')
      // Only while this replica still holds the job: one stalled past its lease finds it failed as interrupted.
      await this.deps.repo.update(
        job.id,
        { upstreamId: video.id, providerModel: video.model, status: 'queued', progress: video.progress },
        now(),
        { leaseOwner: this.deps.watcher.leases.owner },
      )
      this.deps.watcher.track(job.id)
    } catch (error) {
      this.deps.log.warn({ err: error, jobId: job.id }, 'provider refused the job')
      await this.deps.repo.update(job.id, { status: 'failed', error: jobErrorFrom(error), costUsd: 0 }, now())
    }
    const saved = await this.deps.repo.get(job.id)
    if (!saved) throw notFound(`Job ${job.id}`)
    return saved
  }

  /** Fits the job's references and sends it, after the caller has answered. */
  fitThenSubmitLater(job: JobRecord): void {
    const run = this.fitThenSubmit(job)
      .catch((error: unknown) => this.deps.log.error({ err: error, jobId: job.id }, 'submission step failed'))
      .finally(() => this.running.delete(run))
    this.running.add(run)
  }

  /** Waits for the steps under way (a graceful stop lets them reach the provider). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.running])
  }

  /**
   * A `submitting` job a restart (or another replica's takeover) found: if its references are
   * not fitted yet, the provider has not heard of it, so its submission step runs again.
   * Answers false when the provider may already have it (the watcher marks it interrupted).
   */
  async resumeFit(job: JobRecord): Promise<boolean> {
    if (job.reference || job.lastReference || !(await hasOriginals(this.deps.vault, job.id))) return false
    this.deps.log.info({ jobId: job.id }, 'resuming a reference fit a stop interrupted')
    this.fitThenSubmitLater(job)
    return true
  }

  /**
   * Fits each original, stores the fitted copies and their hashes (only while this replica
   * holds the job), then calls the provider once. A fit that fails leaves the job failed with
   * the reason; nothing reached the provider.
   */
  private async fitThenSubmit(job: JobRecord): Promise<void> {
    const { repo, vault, catalog, watcher, log } = this.deps
    const now = () => this.deps.now().toISOString()
    const leaseOwner = watcher.leases.owner
    let fitted: FittedPair
    try {
      const pixels = catalog.dimensionsOf(job.model, job.size)
      if (!pixels) throw new Error(`No size ${job.size} for ${job.model}`)
      fitted = await fitStoredReferences(vault, job.id, pixels, job.fit)
    } catch (error) {
      log.warn({ err: error, jobId: job.id }, 'reference fit failed')
      await repo.update(job.id, { status: 'failed', error: referenceFailure(error), costUsd: 0 }, now(), { leaseOwner })
      return
    }
    const patch = { reference: stored(fitted.first), lastReference: stored(fitted.last) }
    const ready = await repo.update(job.id, patch, now(), { leaseOwner })
    // Another replica took the job over meanwhile: it resumes the fit or marks the job interrupted.
    if (!ready) return
    await this.create(ready, [fitted.first?.png, fitted.last?.png].filter((png) => png !== undefined))
  }
}
