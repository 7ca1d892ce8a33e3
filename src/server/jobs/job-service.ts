import type { FastifyBaseLogger } from 'fastify'
import { REFERENCE_PARTS, type CreateJobFields } from '../../contract/api'
import type { Provider } from '../../contract/capabilities'
import { estimateCostUsd, unavailableModelMessage } from '../../contract/catalog'
import { ApiError } from '../../contract/errors'
import { isCancellable, isTerminal } from '../../contract/job-status'
import type { ModelCatalog } from '../catalog/model-catalog'
import { notFound } from '../errors'
import type { JobRepository } from '../store/job-repository'
import { takeLetter, type JobRecord } from '../store/job-record'
import type { Upstream } from '../upstream/types'
import type { Vault } from '../vault/vault'
import { cancelRefusal, CANCEL_UNCONFIRMED } from './cancel-words'
import { newJobId } from './ids'
import { hasOriginals, REFERENCE_ASSETS } from './fit-step'
import { checkReference } from './reference-image'
import { Submission } from './submission'
import type { Watcher } from './watcher'

export interface JobServiceDeps {
  repo: JobRepository
  vault: Vault
  upstream: Upstream
  watcher: Watcher
  catalog: ModelCatalog
  provider: Provider
  now: () => Date
  log: FastifyBaseLogger
}

type NewJob = Pick<
  JobRecord,
  | 'prompt'
  | 'model'
  | 'size'
  | 'seconds'
  | 'fit'
  | 'remixOf'
  | 'group'
  | 'reference'
  | 'lastReference'
  | 'author'
> & {
  /** A retry keeps the letter of the take it retries; otherwise the next letter of its submit. */
  take?: string
}

/** Temp files in the vault holding the client's first and last frame, where sent. */
export interface UploadedReferences {
  first: string | null
  last: string | null
}

/** Create, remix, retry, cancel and delete: each writes the job before the provider hears of it. */
export class JobService {
  private readonly submission: Submission

  constructor(private readonly deps: JobServiceDeps) {
    this.submission = new Submission(deps)
    deps.watcher.resumeUnsentWith((job) => this.submission.resumeFit(job))
  }

  /** Waits for the submission steps under way (a graceful stop lets them reach the provider). */
  drain(): Promise<void> {
    return this.submission.drain()
  }

  async get(id: string): Promise<JobRecord> {
    const job = await this.deps.repo.get(id)
    if (!job) throw notFound(`Job ${id}`)
    return job
  }

  /**
   * `uploads` are temp files in the vault holding the client's first and last frame, if any: the
   * job moves those it keeps into place; the route (withJobUpload) removes whatever is left.
   * With a reference the 201 comes once the header is checked and the original is stored: the
   * fit (decode, resize, encode) and the provider call follow in the job's submission step
   * (ADR 008), so the job answers `submitting`. Without one the provider call is awaited.
   */
  async create(
    fields: CreateJobFields,
    uploads: UploadedReferences,
    author: string | null = null,
  ): Promise<JobRecord> {
    if (!this.deps.catalog.dimensionsOf(fields.model, fields.size)) {
      throw new ApiError('invalid_request', `No size ${fields.size} for ${fields.model}`, 'size')
    }
    if (uploads.first) await checkReference(uploads.first, REFERENCE_PARTS.first)
    if (uploads.last) await checkReference(uploads.last, REFERENCE_PARTS.last)
    const id = newJobId()
    const { first, last } = uploads
    if (first || last) {
      await this.storeReference(id, async () => {
        if (first) await this.deps.vault.adopt(first, id, 'reference-original')
        if (last) await this.deps.vault.adopt(last, id, 'last-frame-original')
      })
    }
    const job = await this.insert(id, {
      ...fields,
      group: fields.group ?? null,
      remixOf: null,
      reference: null,
      lastReference: null,
      author,
    })
    if (!first && !last) return this.submission.create(job, [])
    this.submission.fitThenSubmitLater(job)
    return job
  }

  /** `author`: who asks (the session's name), not who made the source take. */
  async remix(
    sourceId: string,
    prompt: string,
    author: string | null = null,
    take?: string,
  ): Promise<JobRecord> {
    const source = await this.get(sourceId)
    if (source.status !== 'completed' || !source.upstreamId) {
      throw new ApiError('conflict', 'Only a completed take can be remixed')
    }
    this.requireOffered(source.model)
    const model = this.deps.catalog.model(source.model)
    if (model && !model.remix) {
      throw new ApiError(
        'invalid_request',
        `${model.label} (${model.id}) does not offer remix: generate a new take instead`,
        'model',
      )
    }
    const upstreamId = source.upstreamId
    const job = await this.insert(newJobId(), {
      prompt,
      model: source.model,
      size: source.size,
      seconds: source.seconds,
      fit: source.fit,
      remixOf: source.id,
      group: null,
      reference: null,
      lastReference: null,
      author,
      ...(take ? { take } : {}),
    })
    return this.submission.submit(job, () => this.deps.upstream.remix(upstreamId, prompt))
  }

  /**
   * A new job with the same settings (and reference images); a remix is remixed again. It is
   * another attempt at the same take, so it keeps the take's letter, but it is not a take of
   * the old submit: that submit's failed takes must not gather the retry into a comparison.
   */
  async retry(sourceId: string, author: string | null = null): Promise<JobRecord> {
    const source = await this.get(sourceId)
    if (!isTerminal(source.status)) throw new ApiError('conflict', 'This job is still rendering')
    if (source.remixOf) {
      const parent = await this.deps.repo.get(source.remixOf)
      if (!parent) throw new ApiError('conflict', 'The take this remixed has been deleted')
      return this.remix(parent.id, source.prompt, author, source.take)
    }
    this.requireOffered(source.model)
    const id = newJobId()
    const { vault } = this.deps
    const copied: string[] = []
    await this.storeReference(id, async () => {
      for (const asset of REFERENCE_ASSETS) {
        if (!(await vault.has(source.id, asset))) continue
        await vault.copy(source.id, id, asset)
        copied.push(asset)
      }
    })
    const job = await this.insert(id, {
      ...source,
      remixOf: null,
      group: null,
      take: source.take,
      author,
    })
    // A source whose fit never finished (it failed, or was interrupted) gets its fit again.
    if (!job.reference && !job.lastReference && (await hasOriginals(vault, id))) {
      this.submission.fitThenSubmitLater(job)
      return job
    }
    const pngs = [
      ...(job.reference ? [await vault.read(id, 'reference')] : []),
      ...(job.lastReference ? [await vault.read(id, 'last-frame')] : []),
    ]
    return this.submission.create(job, pngs)
  }

  /**
   * Stops a take the provider is rendering: the job is `cancelled` at once (and polling stops);
   * the provider hears of it through DELETE, and a take it finishes anyway is never saved.
   */
  async cancel(id: string): Promise<JobRecord> {
    const job = await this.get(id)
    if (!isCancellable(job.status) || !job.upstreamId)
      throw new ApiError('conflict', cancelRefusal(job.status))
    const now = () => this.deps.now().toISOString()
    await this.deps.repo.update(id, { status: 'cancelled', costUsd: 0, error: null }, now())
    this.deps.watcher.forget(id)
    this.deps.log.info({ jobId: id, upstreamId: job.upstreamId }, 'job cancelled')
    try {
      await this.deps.upstream.delete(job.upstreamId)
    } catch (error) {
      this.deps.log.warn(
        { err: error, jobId: id, upstreamId: job.upstreamId },
        'provider did not confirm the cancel',
      )
      await this.deps.repo.update(id, { error: CANCEL_UNCONFIRMED }, now())
    }
    return this.get(id)
  }

  /** Writes a new job's reference files before its row: if that fails (a full disk), no folder stays behind. */
  private async storeReference(id: string, write: () => Promise<void>): Promise<void> {
    try {
      await write()
    } catch (error) {
      await this.deps.vault.remove(id)
      throw error
    }
  }

  /**
   * Soft delete: the job leaves every list and read at once, but its row and files stay until
   * it is purged (after the grace period, or at the next start), so Undo can bring it back.
   */
  async delete(id: string): Promise<void> {
    await this.get(id)
    this.deps.watcher.forget(id)
    await this.deps.repo.softDelete(id, this.deps.now().toISOString())
  }

  /** Undo of a delete not yet purged: the job is back as it was, and followed again if unfinished. */
  async restore(id: string): Promise<JobRecord> {
    const job = await this.deps.repo.restore(id)
    if (!job) throw notFound(`Deleted job ${id}`)
    if (!isTerminal(job.status) && job.upstreamId) this.deps.watcher.track(job.id)
    return job
  }

  /** Removes for good the jobs deleted at or before `cutoff` (all of them when omitted), files and all. */
  async purge(cutoff?: Date): Promise<number> {
    const doomed = await this.deps.repo.deletedBefore(cutoff?.toISOString())
    for (const { id, upstreamId } of doomed) {
      await this.deps.repo.delete(id)
      await this.deps.vault.remove(id)
      if (upstreamId) {
        await this.deps.upstream.delete(upstreamId).catch((error: unknown) => {
          this.deps.log.warn({ err: error, jobId: id, upstreamId }, 'upstream delete failed')
        })
      }
    }
    return doomed.length
  }

  /** A take of a model that was retired or removed is kept, but no new take may use it. */
  private requireOffered(model: string): void {
    const message = unavailableModelMessage(this.deps.catalog.models(), model)
    if (message) throw new ApiError('invalid_request', message, 'model')
  }

  private async insert(id: string, fields: NewJob): Promise<JobRecord> {
    const now = this.deps.now().toISOString()
    const take =
      fields.take ??
      (fields.group ? takeLetter(await this.deps.repo.takesInGroup(fields.group)) : 'A')
    const job: JobRecord = {
      ...fields,
      take,
      id,
      upstreamId: null,
      providerModel: null,
      provider: this.deps.provider,
      status: 'submitting',
      progress: 0,
      error: null,
      createdAt: now,
      updatedAt: now,
      completedAt: null,
      hasThumbnail: false,
      hasSpritesheet: false,
      still: null,
      costUsd: estimateCostUsd(this.deps.catalog.model(fields.model), fields.size, fields.seconds),
      verdict: null,
      notesCount: 0,
      verdictBy: null,
    }
    await this.deps.repo.insert(job, this.deps.watcher.leases.forNewJob(this.deps.now()))
    return job
  }
}
