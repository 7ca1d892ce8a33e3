import type { JobRepository } from '../store/job-repository'
import type { JobRecord } from '../store/job-record'
import type { UpstreamVideo } from '../upstream/types'

let counter = 0

/** A whole job record, in whatever state a test needs. */
export function jobRecord(fields: Partial<JobRecord> = {}): JobRecord {
  const now = new Date().toISOString()
  counter += 1
  return {
    id: `job_seed${String(counter).padStart(8, '0')}`,
    upstreamId: null,
    provider: 'custom',
    prompt: 'a seeded take',
    model: 'sora-2',
    providerModel: null,
    size: '720x1280',
    seconds: 4,
    fit: 'cover',
    status: 'queued',
    progress: 0,
    error: null,
    createdAt: now,
    updatedAt: now,
    completedAt: null,
    remixOf: null,
    group: null,
    take: 'A',
    reference: null,
    lastReference: null,
    hasThumbnail: false,
    hasSpritesheet: false,
    still: null,
    costUsd: 0.4,
    verdict: null,
    notesCount: 0,
    verdictBy: null,
    author: null,
    ...fields,
  }
}

/** Writes a job row straight into the store. */
export async function seedJob(repo: JobRepository, fields: Partial<JobRecord> = {}): Promise<JobRecord> {
  const job = jobRecord(fields)
  await repo.insert(job)
  return job
}

/** A provider video as the adapter reports it, for stub upstreams. */
export function fakeVideo(id: string, status: UpstreamVideo['status'] = 'queued'): UpstreamVideo {
  return {
    id,
    status,
    unknownStatus: null,
    progress: status === 'completed' ? 100 : 0,
    model: 'sora-2',
    size: '720x1280',
    seconds: 4,
    prompt: null,
    createdAt: new Date(),
    completedAt: null,
    expiresAt: null,
    remixedFromId: null,
    error: null,
  }
}
