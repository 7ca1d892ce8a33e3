import type { Job } from '../../contract/job'
import type { JobRecord } from '../store/job-record'

/** The API's view of a job: media URLs only once the files are in the vault. */
export function presentJob(job: JobRecord): Job {
  const base = `/api/jobs/${job.id}`
  return {
    id: job.id,
    upstreamId: job.upstreamId,
    provider: job.provider,
    prompt: job.prompt,
    model: job.model,
    providerModel: job.providerModel,
    size: job.size,
    seconds: job.seconds,
    status: job.status,
    progress: job.progress,
    error: job.error,
    createdAt: job.createdAt,
    completedAt: job.completedAt,
    remixOf: job.remixOf,
    group: job.group,
    take: job.take,
    reference: job.reference
      ? { url: `${base}/reference`, width: job.reference.width, height: job.reference.height }
      : null,
    lastReference: job.lastReference
      ? { url: `${base}/last-frame`, width: job.lastReference.width, height: job.lastReference.height }
      : null,
    media:
      job.status === 'completed'
        ? {
            video: `${base}/video`,
            thumbnail: job.hasThumbnail ? `${base}/thumbnail` : null,
            spritesheet: job.hasSpritesheet ? `${base}/spritesheet` : null,
            still: job.still ? { url: `${base}/still`, ...job.still } : null,
          }
        : null,
    costUsd: job.costUsd,
    verdict: job.verdict,
    verdictBy: job.verdictBy,
    notesCount: job.notesCount,
    author: job.author,
  }
}
