import type { Fit } from '../../contract/api'
import type { Provider } from '../../contract/capabilities'
import type { JobError } from '../../contract/job'
import type { JobStatus } from '../../contract/job-status'
import type { Verdict } from '../../contract/verdict'

/** A job as the studio keeps it: the API's Job plus what only the server needs. */
export interface JobRecord {
  id: string
  upstreamId: string | null
  provider: Provider
  prompt: string
  /** As requested; any string, so takes of a model that left the catalog still load. */
  model: string
  /** The provider's resolved model id, when it said. */
  providerModel: string | null
  size: string
  seconds: number
  fit: Fit
  status: JobStatus
  progress: number
  error: JobError | null
  createdAt: string
  updatedAt: string
  completedAt: string | null
  remixOf: string | null
  group: string | null
  /** The letter within its submit: A, B, C… (see takeLetter). */
  take: string
  /** The first frame (or the one reference image). */
  reference: StoredReference | null
  lastReference: StoredReference | null
  hasThumbnail: boolean
  hasSpritesheet: boolean
  /** The tile-sized still the studio made from the thumbnail; null for takes archived before stills, or when making it failed. */
  still: StillSize | null
  /** null when the provider's price is not known. */
  costUsd: number | null
  /** Written by the review repository only (src/server/review/). */
  verdict: Verdict
  notesCount: number
  /** Who set the verdict (see contract Job); written by the review repository only. */
  verdictBy: string | null
  /** Who started it: the name of the session; null without a token or from a script. */
  author: string | null
}

export interface StoredReference {
  hash: string
  width: number
  height: number
}

/** Widths in pixels of a take's still and of the thumbnail it was made from (the tile's srcset). */
export interface StillSize {
  width: number
  thumbnailWidth: number
}

export type JobPatch = Partial<
  Pick<
    JobRecord,
    | 'upstreamId'
    | 'providerModel'
    | 'status'
    | 'progress'
    | 'error'
    | 'completedAt'
    | 'hasThumbnail'
    | 'hasSpritesheet'
    | 'still'
    | 'costUsd'
    | 'reference'
    | 'lastReference'
  >
>

/** The letter of the take at `index` (0-based) in its submit: A…Z, then AA, AB… */
export function takeLetter(index: number): string {
  const letter = (n: number) => String.fromCharCode(65 + n)
  return index < 26 ? letter(index) : letter(Math.floor(index / 26) - 1) + letter(index % 26)
}
