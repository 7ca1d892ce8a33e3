import fsp from 'node:fs/promises'
import type { FastifyBaseLogger } from 'fastify'
import { ApiError } from '../../contract/errors'
import { reelExportSizes, type ExportReelOptions } from '../../contract/reels'
import { hasAudioStream, runFfmpeg } from '../../lib/ffmpeg'
import type { ModelCatalog } from '../catalog/model-catalog'
import type { ReelExportLeases } from '../leases/reel-export-leases'
import type { JobRecord } from '../store/job-record'
import type { Vault } from '../vault/vault'
import { exportGraph, exportInputArgs, exportOutputArgs, exportSeconds, type ExportShot } from './export-graph'
import type { ExportRecord, ReelRecord } from './reel-record'
import type { ReelRepository } from './reel-repository'
import type { ReelService, TakeSource } from './reel-service'

export interface ReelExporterDeps {
  repo: ReelRepository
  /** The running export is this replica's: another marks it interrupted only once its lease ran out. */
  leases: ReelExportLeases
  reels: ReelService
  takes: TakeSource
  vault: Vault
  catalog: ModelCatalog
  ffmpegPath: string
  fontFile: string
  now: () => Date
  log: FastifyBaseLogger
}

/** How often a running export's progress is written to the store. */
const PROGRESS_EVERY_MS = 500
const TITLE_MAX_CHARS = 70

export const INTERRUPTED = {
  code: 'interrupted',
  message: 'The studio stopped during this export. Export again to make the film.',
}

function pixelsOf(size: string): { width: number; height: number } {
  const [width = 0, height = 0] = size.split('x').map(Number)
  return { width, height }
}

function titleOf(index: number, take: JobRecord): string {
  const prompt = take.prompt.replace(/\s+/g, ' ').trim()
  const short = prompt.length > TITLE_MAX_CHARS ? `${prompt.slice(0, TITLE_MAX_CHARS - 1).trimEnd()}…` : prompt
  return `${index + 1} · Take ${take.take} · ${short}`
}

/**
 * Exports a reel as one MP4, a job of its own: the request checks and records it (`rendering`),
 * ffmpeg runs in the background one export at a time, progress lands in the store for the UI
 * to poll, and the film is adopted into the reel's vault folder (its own copy, so deleting a
 * take later leaves it whole). An export whose replica stopped is marked failed (see recover).
 */
export class ReelExporter {
  private queue: Promise<void> = Promise.resolve()
  private readonly stopping = new AbortController()

  constructor(private readonly deps: ReelExporterDeps) {}

  async start(reelId: string, options: ExportReelOptions): Promise<ReelRecord> {
    const reel = await this.deps.reels.get(reelId)
    if (reel.export?.status === 'rendering') throw new ApiError('conflict', 'This reel is already exporting')
    const takes = await this.exportableTakes(reel)
    const first = takes[0]!
    const size = options.size ?? this.sizeOf(first)
    if (options.size !== undefined && !reelExportSizes(this.deps.catalog.models()).includes(size)) {
      throw new ApiError('invalid_request', `${size} is not a size of the catalog: pick one of its sizes`, 'size')
    }
    const record: ExportRecord = {
      status: 'rendering',
      progress: 0,
      size,
      transition: options.transition,
      titleCards: options.titleCards,
      jobIds: takes.map((take) => take.id),
      seconds: exportSeconds({ transition: options.transition, shots: takes }),
      error: null,
      startedAt: this.deps.now().toISOString(),
      finishedAt: null,
    }
    if (!(await this.deps.leases.take(reelId, this.deps.now()))) {
      throw new ApiError('conflict', 'This reel is already exporting')
    }
    try {
      await this.deps.repo.setExport(reelId, record)
    } catch (error) {
      await this.deps.leases.release(reelId)
      throw error
    }
    this.queue = this.queue.then(() => this.run(reelId, takes, record))
    return this.deps.reels.get(reelId)
  }

  /**
   * An export whose replica stopped (no lease, or one run out) failed; Export again retries it.
   * Exports a live replica runs are left alone. At start every running export is looked at;
   * each lease tick after that asks only for the leases run out (one small query).
   */
  async recover(scope: 'all' | 'expired' = 'all'): Promise<void> {
    const now = this.deps.now()
    const ids =
      scope === 'all' ? (await this.deps.repo.exporting()).map((reel) => reel.id) : await this.deps.leases.expired(now)
    for (const id of ids) {
      if (!(await this.deps.leases.take(id, now))) continue
      const reel = await this.deps.repo.get(id)
      if (reel?.export?.status !== 'rendering') {
        await this.deps.leases.release(id)
        continue
      }
      this.deps.log.warn({ reelId: id }, 'reel export interrupted: its studio stopped')
      await this.deps.repo.setExport(id, {
        ...reel.export,
        status: 'failed',
        error: INTERRUPTED,
        finishedAt: this.deps.now().toISOString(),
      })
      await this.deps.leases.release(id)
    }
  }

  /** Stops a running export (it is recorded as interrupted) and waits for the queue to settle. */
  async stop(): Promise<void> {
    this.stopping.abort()
    await this.queue
  }

  /** Every take finished and still there, or a 409 naming the one that is not. */
  private async exportableTakes(reel: ReelRecord): Promise<JobRecord[]> {
    if (reel.jobIds.length === 0) throw new ApiError('conflict', 'This reel has no takes: add takes before exporting it')
    const takes: JobRecord[] = []
    for (const [index, jobId] of reel.jobIds.entries()) {
      const take = await this.deps.takes.find(jobId)
      if (!take) throw new ApiError('conflict', `Shot ${index + 1} (${jobId}) was deleted: remove it from the reel, then export`)
      if (take.status !== 'completed') {
        throw new ApiError('conflict', `Shot ${index + 1} (take ${take.take}) is not finished (${take.status}): export once it is`)
      }
      takes.push(take)
    }
    return takes
  }

  private sizeOf(take: JobRecord): string {
    const pixels = this.deps.catalog.dimensionsOf(take.model, take.size) ?? pixelsOf(take.size)
    return `${pixels.width}x${pixels.height}`
  }

  private async run(reelId: string, takes: readonly JobRecord[], record: ExportRecord): Promise<void> {
    const { vault, ffmpegPath, log } = this.deps
    const temps: string[] = []
    const temp = (label: string) => {
      const file = vault.tempPath(label)
      temps.push(file)
      return file
    }
    let lastWrite = 0
    // Progress writes go one after another, and all before the final state, so none lands after it.
    let progressWrites = Promise.resolve()
    const save = (patch: Partial<ExportRecord>) => this.deps.repo.setExport(reelId, { ...record, ...patch })
    try {
      if (this.stopping.signal.aborted) throw new Error('aborted')
      const shots: ExportShot[] = []
      for (const [index, take] of takes.entries()) {
        const file = await vault.ffmpegInput(take.id, 'video')
        let titleFile: string | null = null
        if (record.titleCards) {
          titleFile = temp('title')
          await fsp.writeFile(titleFile, titleOf(index, take))
        }
        shots.push({ file, seconds: take.seconds, hasAudio: await hasAudioStream(ffmpegPath, file), titleFile })
      }
      const { width, height } = pixelsOf(record.size)
      const plan = { width, height, transition: record.transition, fontFile: this.deps.fontFile, shots }
      const { graph, audio } = exportGraph(plan)
      const graphFile = temp('graph')
      await fsp.writeFile(graphFile, graph)
      const out = temp('reel-export')
      const onProgress = (seconds: number) => {
        if (Date.now() - lastWrite < PROGRESS_EVERY_MS) return
        lastWrite = Date.now()
        const progress = Math.min(99, Math.round((seconds / record.seconds) * 100))
        progressWrites = progressWrites
          .then(() => save({ progress }))
          .catch((error: unknown) => log.warn({ err: error, reelId }, 'saving export progress failed'))
      }
      const args = ['-y', ...exportInputArgs(shots), ...exportOutputArgs(graphFile, audio, record.seconds, out)]
      await runFfmpeg(ffmpegPath, args, this.stopping.signal, { onProgress }).finally(() => progressWrites)
      await vault.adopt(out, reelId, 'reel-export')
      await save({ status: 'completed', progress: 100, finishedAt: this.deps.now().toISOString() })
      await this.deps.reels.changed(reelId)
      log.info({ reelId, seconds: record.seconds, size: record.size }, 'reel exported')
    } catch (error) {
      const interrupted = this.stopping.signal.aborted
      if (!interrupted) log.error({ err: error, reelId }, 'reel export failed')
      const failure = interrupted
        ? INTERRUPTED
        : { code: 'export_failed', message: 'ffmpeg could not make the film (the studio log has the details). Export again.' }
      await save({ status: 'failed', error: failure, finishedAt: this.deps.now().toISOString() }).catch(
        (saveError: unknown) => log.warn({ err: saveError, reelId }, 'recording the failed export failed'),
      )
    } finally {
      await Promise.all(temps.map((file) => vault.removeTemp(file)))
      await this.deps.leases.release(reelId).catch((error: unknown) => log.warn({ err: error, reelId }, 'releasing the export lease failed'))
    }
  }
}
