import type { Insertable, Selectable, Updateable } from 'kysely'
import type { JobErrorKind } from '../../contract/job'
import type { JobStatus } from '../../contract/job-status'
import type { Verdict } from '../../contract/verdict'
import { foldForSearch } from '../../contract/search'
import type { JobPatch, JobRecord, StoredReference } from './job-record'
import type { JobsTable } from './tables'

/** A jobs row as both back ends return it. */
export type JobRow = Selectable<JobsTable>

// Values come from rows the repository wrote itself, through validated JobRecords.
export function toRecord(row: JobRow): JobRecord {
  return {
    id: row.id,
    upstreamId: row.upstream_id,
    provider: row.provider as JobRecord['provider'],
    prompt: row.prompt,
    model: row.model,
    providerModel: row.provider_model,
    size: row.size,
    seconds: row.seconds,
    fit: row.fit as JobRecord['fit'],
    status: row.status as JobStatus,
    progress: row.progress,
    error:
      row.error_code !== null
        ? {
            code: row.error_code,
            // Rows older than the kind's column were classified by their code in its migration.
            kind: (row.error_kind ?? 'studio') as JobErrorKind,
            message: row.error_message ?? '',
          }
        : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    completedAt: row.completed_at,
    remixOf: row.remix_of,
    group: row.group_id,
    take: row.take_letter,
    reference: storedReference(row.reference_hash, row.reference_width, row.reference_height),
    lastReference: storedReference(
      row.last_reference_hash,
      row.last_reference_width,
      row.last_reference_height,
    ),
    hasThumbnail: row.has_thumbnail === 1,
    hasSpritesheet: row.has_spritesheet === 1,
    still:
      row.still_width !== null && row.thumbnail_width !== null
        ? { width: row.still_width, thumbnailWidth: row.thumbnail_width }
        : null,
    costUsd: row.cost_known === 1 ? row.cost_usd : null,
    verdict: row.verdict as Verdict,
    notesCount: row.notes_count,
    verdictBy: row.verdict_by,
    author: row.author,
  }
}

function storedReference(
  hash: string | null,
  width: number | null,
  height: number | null,
): StoredReference | null {
  return hash !== null ? { hash, width: width ?? 0, height: height ?? 0 } : null
}

export function toRow(job: JobRecord): Insertable<JobsTable> {
  return {
    id: job.id,
    upstream_id: job.upstreamId,
    provider: job.provider,
    prompt: job.prompt,
    prompt_search: foldForSearch(job.prompt),
    model: job.model,
    provider_model: job.providerModel,
    size: job.size,
    seconds: job.seconds,
    fit: job.fit,
    status: job.status,
    progress: job.progress,
    created_at: job.createdAt,
    updated_at: job.updatedAt,
    completed_at: job.completedAt,
    remix_of: job.remixOf,
    group_id: job.group,
    take_letter: job.take,
    author: job.author,
    ...referenceColumns(job),
    ...errorColumns(job.error),
    ...flagColumns(job),
    ...costColumns(job.costUsd),
  }
}

/** The columns a patch changes; fields it does not name stay as they are. */
export function patchColumns(patch: JobPatch): Updateable<JobsTable> {
  return {
    ...('upstreamId' in patch ? { upstream_id: patch.upstreamId } : {}),
    ...('providerModel' in patch ? { provider_model: patch.providerModel } : {}),
    ...(patch.status !== undefined ? { status: patch.status } : {}),
    ...(patch.progress !== undefined ? { progress: patch.progress } : {}),
    ...('completedAt' in patch ? { completed_at: patch.completedAt } : {}),
    ...('error' in patch ? errorColumns(patch.error ?? null) : {}),
    ...('costUsd' in patch ? costColumns(patch.costUsd ?? null) : {}),
    ...flagColumns(patch),
    ...('reference' in patch || 'lastReference' in patch ? referenceColumns(patch) : {}),
  }
}

/** Both references at once: the fit after the 201 (ADR 008) stores them together, before the provider call. */
function referenceColumns({
  reference,
  lastReference,
}: Pick<JobPatch, 'reference' | 'lastReference'>) {
  return {
    reference_hash: reference?.hash ?? null,
    reference_width: reference?.width ?? null,
    reference_height: reference?.height ?? null,
    last_reference_hash: lastReference?.hash ?? null,
    last_reference_width: lastReference?.width ?? null,
    last_reference_height: lastReference?.height ?? null,
  }
}

function errorColumns(error: JobRecord['error']) {
  return {
    error_code: error?.code ?? null,
    error_kind: error?.kind ?? null,
    error_message: error?.message ?? null,
  }
}

function costColumns(costUsd: number | null) {
  return { cost_usd: costUsd ?? 0, cost_known: costUsd === null ? 0 : 1 }
}

function flagColumns(fields: Pick<JobPatch, 'hasThumbnail' | 'hasSpritesheet' | 'still'>) {
  return {
    ...(fields.still !== undefined
      ? { still_width: fields.still?.width ?? null, thumbnail_width: fields.still?.thumbnailWidth ?? null }
      : {}),
    ...(fields.hasThumbnail !== undefined ? { has_thumbnail: fields.hasThumbnail ? 1 : 0 } : {}),
    ...(fields.hasSpritesheet !== undefined
      ? { has_spritesheet: fields.hasSpritesheet ? 1 : 0 }
      : {}),
  }
}
