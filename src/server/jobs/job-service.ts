import type { FastifyBaseLogger } from 'fastify'
import { REFERENCE_PARTS, type CreateJobFields } from '../../contract/api'
import type { Provider } from '../../contract/capabilities'
import { estimateCostUsd, unavailableModelMessage } from '../../contract/catalog'
import { ApiError } from '../../contract/errors'
import { isCancellable, isTerminal } from '../../contract/job'
import type { ModelCatalog } from '../catalog/model-catalog'
import { notFound } from '../errors'
import type { JobRepository } from '../store/job-repository'
import { takeLetter, type JobRecord } from '../store/job-record'
import type { Upstream, UpstreamVideo } from '../upstream/types'
import type { Vault } from '../vault/vault'
import { cancelRefusal, CANCEL_UNCONFIRMED } from './cancel-words'
import { newJobId } from './ids'
import { jobErrorFrom } from './job-errors'
import { fitReference, type FittedReference } from './reference-image'
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
  'prompt' | 'model' | 'size' | 'seconds' | 'fit' | 'remixOf' | 'group' | 'reference' | 'lastReference' | 'author'
> & {
  /** A retry keeps the letter of the take it retries; otherwise the next letter of its submit. */
  take?: string
}

/** Temp files in the vault holding the client's first and last frame, where sent. */
export interface UploadedReferences {
  first: string | null
  last: string | null
}

const stored = (fitted: FittedReference | null) =>
  fitted ? { hash: fitted.hash, width: fitted.width, height: fitted.height } : null

/** Create, remix, retry, cancel and delete: each writes the job before the provider hears of it. */
export class JobService {
  constructor(private readonly deps: JobServiceDeps) {}

  async get(id: string): Promise<JobRecord> {
    const job = await this.deps.repo.get(id)
    if (!job) throw notFound(`Job ${id}`)
    return job
  }

  /**
   * `uploads` are temp files in the vault holding the client's first and last frame, if any: the
   * job moves those it keeps into place; the route (withJobUpload) removes whatever is left.
   */
  async create(fields: CreateJobFields, uploads: UploadedReferences, author: string | null = null): Promise<JobRecord> {
    const pixels = this.deps.catalog.dimensionsOf(fields.model, fields.size)
    if (!pixels) throw new ApiError('invalid_request', `No size ${fields.size} for ${fields.model}`, 'size')
    const fit = (file: string | null, field: string) =>
      file ? fitReference(file, pixels, fields.fit, field) : Promise.resolve(null)
    const first = await fit(uploads.first, REFERENCE_PARTS.first)
    const last = await fit(uploads.last, REFERENCE_PARTS.last)
    const id = newJobId()
    if (first || last) {
      await this.storeReference(id, async () => {
        if (uploads.first && first) {
          await this.deps.vault.adopt(uploads.first, id, 'reference-original')
          await this.deps.vault.writeFile(id, 'reference', first.png)
        }
        if (uploads.last && last) {
          await this.deps.vault.adopt(uploads.last, id, 'last-frame-original')
          await this.deps.vault.writeFile(id, 'last-frame', last.png)
        }
      })
    }
    const job = await this.insert(id, {
      ...fields,
      group: fields.group ?? null,
      remixOf: null,
      reference: stored(first),
      lastReference: stored(last),
      author,
    })
    return this.submitCreate(job, [first?.png, last?.png].filter((png) => png !== undefined))
  }

  /** `author`: who asks (the session's name), not who made the source take. */
  async remix(sourceId: string, prompt: string, author: string | null = null, take?: string): Promise<JobRecord> {
    const source = await this.get(sourceId)
    if (source.status !== 'completed' || !source.upstreamId) {
      throw new ApiError('conflict', 'Only a completed take can be remixed')
    }
    this.requireOffered(source.model)
    const model = this.deps.catalog.model(source.model)
    if (model && !model.remix) {
      throw new ApiError('invalid_request', `${model.label} (${model.id}) does not offer remix: generate a new take instead`, 'model')
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
    return this.submit(job, () => this.deps.upstream.remix(upstreamId, prompt))
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
    if (source.reference) {
      await this.storeReference(id, async () => {
        await vault.copy(source.id, id, 'reference-original')
        await vault.copy(source.id, id, 'reference')
        if (source.lastReference) {
          await vault.copy(source.id, id, 'last-frame-original')
          await vault.copy(source.id, id, 'last-frame')
        }
      })
    }
    const job = await this.insert(id, { ...source, remixOf: null, group: null, take: source.take, author })
    const pngs = [
      ...(job.reference ? [await vault.read(id, 'reference')] : []),
      ...(job.lastReference ? [await vault.read(id, 'last-frame')] : []),
    ]
    return this.submitCreate(job, pngs)
  }

  /**
   * Stops a take the provider is rendering: the job is `cancelled` at once (and polling stops);
   * the provider hears of it through DELETE, and a take it finishes anyway is never saved.
   */
  async cancel(id: string): Promise<JobRecord> {
    const job = await this.get(id)
    if (!isCancellable(job.status) || !job.upstreamId) throw new ApiError('conflict', cancelRefusal(job.status))
    const now = () => this.deps.now().toISOString()
    await this.deps.repo.update(id, { status: 'cancelled', costUsd: 0, error: null }, now())
    this.deps.watcher.forget(id)
    this.deps.log.info({ jobId: id, upstreamId: job.upstreamId }, 'job cancelled')
    try {
      await this.deps.upstream.delete(job.upstreamId)
    } catch (error) {
      this.deps.log.warn({ err: error, jobId: id, upstreamId: job.upstreamId }, 'provider did not confirm the cancel')
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
    const take = fields.take ?? (fields.group ? takeLetter(await this.deps.repo.takesInGroup(fields.group)) : 'A')
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
      costUsd: estimateCostUsd(this.deps.catalog.model(fields.model), fields.size, fields.seconds),
      verdict: null,
      notesCount: 0,
      verdictBy: null,
    }
    await this.deps.repo.insert(job, this.deps.watcher.leases.forNewJob(this.deps.now()))
    return job
  }

  private submitCreate(job: JobRecord, referencePngs: Buffer[]): Promise<JobRecord> {
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
  private async submit(job: JobRecord, call: () => Promise<UpstreamVideo>): Promise<JobRecord> {
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
    return this.get(job.id)
  }
}
