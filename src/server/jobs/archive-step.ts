import type { FastifyBaseLogger } from 'fastify'
import { isTerminal } from '../../contract/job-status'
import type { JobRepository } from '../store/job-repository'
import type { JobPatch, JobRecord } from '../store/job-record'
import type { Upstream } from '../upstream/types'
import type { Vault } from '../vault/vault'
import { FilesGoneError, archiveTake } from './archive'
import { EXPIRED_FILES, archiveTrouble } from './job-errors'

export interface ArchiveStepDeps {
  repo: JobRepository
  vault: Vault
  upstream: Upstream
  /** Makes each take's tile-sized still. */
  ffmpegPath: string
  now: () => Date
  log: FastifyBaseLogger
}

/**
 * The watcher's archive of one finished take: 'done' when the job needs no more (saved, or its
 * outcome written otherwise), or the error to back off from before trying again. `patch` is the
 * watcher's guarded write: false when the job ended meanwhile or this replica lost its lease.
 */
export async function archiveStep(
  deps: ArchiveStepDeps,
  job: JobRecord & { upstreamId: string },
  patch: (patch: JobPatch) => Promise<boolean>,
): Promise<'done' | { retry: unknown }> {
  const completedAt = deps.now().toISOString()
  try {
    const result = await archiveTake(deps, job, completedAt)
    // A cancel while the files came down wins: they are not kept.
    const done = await patch({
      status: 'completed',
      progress: 100,
      completedAt,
      error: null,
      ...result,
    })
    if (!done) {
      if (await filesOrphaned(deps.repo, job.id)) {
        await deps.vault.removeAssets(job.id, ['video', 'thumbnail', 'still', 'spritesheet', 'sidecar'])
      }
      return 'done'
    }
    deps.log.info({ jobId: job.id, upstreamId: job.upstreamId }, 'take archived')
    return 'done'
  } catch (error) {
    if (error instanceof FilesGoneError) {
      await patch({ status: 'failed', error: EXPIRED_FILES, costUsd: job.costUsd })
      return 'done'
    }
    // A full disk needs a person: say so on the job, which stays `archiving` and is retried.
    const trouble = archiveTrouble(error)
    if (trouble) await patch({ error: trouble })
    const entry = { err: error, jobId: job.id, upstreamId: job.upstreamId }
    if (trouble)
      deps.log.error(entry, 'archive failed: the vault cannot take the files, will retry')
    else deps.log.warn(entry, 'archive failed, will retry')
    return { retry: error }
  }
}

/**
 * After an archive whose outcome could not be written: the files go when the take ended
 * otherwise (a cancel) or was deleted; they stay when it completed or another replica took the
 * job over (it writes the same files to the same places, whole, and records them itself).
 */
async function filesOrphaned(repo: JobRepository, jobId: string): Promise<boolean> {
  const now = await repo.get(jobId)
  return now === null || (isTerminal(now.status) && now.status !== 'completed')
}
