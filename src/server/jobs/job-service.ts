import type { FastifyBaseLogger } from 'fastify'
import type { CreateJobFields } from '../../contract/api'
import { estimateCostUsd, type Provider } from '../../contract/capabilities'
import { isTerminal } from '../../contract/job'
import { ApiError } from '../../contract/errors'
import { notFound } from '../errors'
import type { JobRepository } from '../store/job-repository'
import type { JobRecord } from '../store/job-record'
import type { Upstream, UpstreamVideo } from '../upstream/types'
import type { Vault } from '../vault/vault'
import { newJobId } from './ids'
import { jobErrorFrom } from './job-errors'
import { fitReference } from './reference-image'
import type { Watcher } from './watcher'

export interface JobServiceDeps {
  repo: JobRepository
  vault: Vault
  upstream: Upstream
  watcher: Watcher
  provider: Provider
  now: () => Date
  log: FastifyBaseLogger
}

type NewJob = Pick<JobRecord, 'prompt' | 'model' | 'size' | 'seconds' | 'fit' | 'remixOf' | 'group' | 'reference'>

/** Create, remix, retry and delete: each writes the job before the provider hears of it. */
export class JobService {
  constructor(private readonly deps: JobServiceDeps) {}

  get(id: string): JobRecord {
    const job = this.deps.repo.get(id)
    if (!job) throw notFound(`Job ${id}`)
    return job
  }

  /** `upload` is a temp file in the vault holding the client's reference image, if any. */
  async create(fields: CreateJobFields, upload: string | null): Promise<JobRecord> {
    const fitted = upload ? await fitReference(upload, fields.size, fields.fit) : null
    const id = newJobId()
    if (upload && fitted) {
      await this.storeReference(id, async () => {
        await this.deps.vault.adopt(upload, id, 'reference-original')
        await this.deps.vault.writeFile(id, 'reference', fitted.png)
      })
    }
    const job = this.insert(id, {
      ...fields,
      group: fields.group ?? null,
      remixOf: null,
      reference: fitted ? { hash: fitted.hash, width: fitted.width, height: fitted.height } : null,
    })
    return this.submitCreate(job, fitted?.png ?? null)
  }

  async remix(sourceId: string, prompt: string): Promise<JobRecord> {
    const source = this.get(sourceId)
    if (source.status !== 'completed' || !source.upstreamId) {
      throw new ApiError('conflict', 'Only a completed take can be remixed')
    }
    const upstreamId = source.upstreamId
    const job = this.insert(newJobId(), {
      prompt,
      model: source.model,
      size: source.size,
      seconds: source.seconds,
      fit: source.fit,
      remixOf: source.id,
      group: null,
      reference: null,
    })
    return this.submit(job, () => this.deps.upstream.remix(upstreamId, prompt))
  }

  /** A new job with the same settings (and reference image); a remix is remixed again. */
  async retry(sourceId: string): Promise<JobRecord> {
    const source = this.get(sourceId)
    if (!isTerminal(source.status)) throw new ApiError('conflict', 'This job is still rendering')
    if (source.remixOf) {
      const parent = this.deps.repo.get(source.remixOf)
      if (!parent) throw new ApiError('conflict', 'The take this remixed has been deleted')
      return this.remix(parent.id, source.prompt)
    }
    const id = newJobId()
    if (source.reference) {
      await this.storeReference(id, async () => {
        await this.deps.vault.copy(source.id, id, 'reference-original')
        await this.deps.vault.copy(source.id, id, 'reference')
      })
    }
    const job = this.insert(id, { ...source, remixOf: null })
    return this.submitCreate(job, job.reference ? await this.deps.vault.read(id, 'reference') : null)
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

  async delete(id: string): Promise<void> {
    const job = this.get(id)
    this.deps.repo.delete(id)
    this.deps.watcher.forget(id)
    await this.deps.vault.remove(id)
    if (job.upstreamId) {
      await this.deps.upstream.delete(job.upstreamId).catch((error: unknown) => {
        this.deps.log.warn({ err: error, jobId: id, upstreamId: job.upstreamId }, 'upstream delete failed')
      })
    }
  }

  private insert(id: string, fields: NewJob): JobRecord {
    const now = this.deps.now().toISOString()
    const job: JobRecord = {
      ...fields,
      id,
      upstreamId: null,
      provider: this.deps.provider,
      status: 'submitting',
      progress: 0,
      error: null,
      createdAt: now,
      updatedAt: now,
      completedAt: null,
      hasThumbnail: false,
      hasSpritesheet: false,
      costUsd: estimateCostUsd(this.deps.provider, fields),
    }
    this.deps.repo.insert(job)
    return job
  }

  private submitCreate(job: JobRecord, referencePng: Buffer | null): Promise<JobRecord> {
    const reference = referencePng
      ? { reference: { bytes: referencePng, filename: 'reference.png', contentType: 'image/png' } }
      : {}
    return this.submit(job, () =>
      this.deps.upstream.create({
        prompt: job.prompt,
        model: job.model,
        size: job.size,
        seconds: job.seconds,
        ...reference,
      }),
    )
  }

  /** Calls the provider once; a refusal is kept on the job, so the prompt is never lost. */
  private async submit(job: JobRecord, call: () => Promise<UpstreamVideo>): Promise<JobRecord> {
    const now = () => this.deps.now().toISOString()
    try {
      const video = await call()
      this.deps.log.info({ jobId: job.id, upstreamId: video.id }, 'job submitted')
      this.deps.repo.update(job.id, { upstreamId: video.id, status: 'queued', progress: video.progress }, now())
      this.deps.watcher.track(job.id)
    } catch (error) {
      this.deps.log.warn({ err: error, jobId: job.id }, 'provider refused the job')
      this.deps.repo.update(job.id, { status: 'failed', error: jobErrorFrom(error), costUsd: 0 }, now())
    }
    return this.get(job.id)
  }
}
