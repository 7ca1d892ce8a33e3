import type { Fit } from '../../contract/api'
import type { ModelId, Provider, Size } from '../../contract/capabilities'
import type { JobStatus } from '../../contract/job'

/** A job as the studio keeps it: the API's Job plus what only the server needs. */
export interface JobRecord {
  id: string
  upstreamId: string | null
  provider: Provider
  prompt: string
  model: ModelId
  size: Size
  seconds: number
  fit: Fit
  status: JobStatus
  progress: number
  error: { code: string; message: string } | null
  createdAt: string
  updatedAt: string
  completedAt: string | null
  remixOf: string | null
  group: string | null
  reference: { hash: string; width: number; height: number } | null
  hasThumbnail: boolean
  hasSpritesheet: boolean
  costUsd: number
}

export type JobPatch = Partial<
  Pick<
    JobRecord,
    | 'upstreamId'
    | 'status'
    | 'progress'
    | 'error'
    | 'completedAt'
    | 'hasThumbnail'
    | 'hasSpritesheet'
    | 'costUsd'
  >
>
