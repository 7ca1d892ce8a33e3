import type { Note } from '../../contract/review'
import type { Verdict } from '../../contract/verdict'
import type { JobRecord } from '../store/job-record'

/** A note as its take's sidecar keeps it: the contract's Note, marks and all (not who may edit it). */
export type SavedNote = Omit<Note, 'editable'>

/** A take's review as its sidecar keeps it. */
export interface SidecarReview {
  verdict: Verdict
  /** Who set the verdict (a reviewer's name through a link); null if not known. */
  verdictBy: string | null
  notes: readonly SavedNote[]
}

/**
 * Everything needed to understand a take without the database, kept beside its files: its
 * settings, its files' sizes and its review (rewritten on every change of a note or verdict).
 */
export function sidecarFor(
  job: JobRecord,
  files: Record<string, number>,
  review: SidecarReview = { verdict: job.verdict, verdictBy: job.verdictBy, notes: [] },
): string {
  return `${JSON.stringify(
    {
      id: job.id,
      prompt: job.prompt,
      model: job.model,
      providerModel: job.providerModel,
      size: job.size,
      seconds: job.seconds,
      fit: job.fit,
      provider: job.provider,
      upstreamId: job.upstreamId,
      remixOf: job.remixOf,
      group: job.group,
      referenceHash: job.reference?.hash ?? null,
      references: [
        ...(job.reference ? [{ role: 'first-frame', file: 'reference.png', ...job.reference }] : []),
        ...(job.lastReference ? [{ role: 'last-frame', file: 'last-frame.png', ...job.lastReference }] : []),
      ],
      costUsd: job.costUsd,
      createdAt: job.createdAt,
      completedAt: job.completedAt,
      files,
      verdict: review.verdict,
      verdictBy: review.verdictBy,
      notes: review.notes,
    },
    null,
    2,
  )}\n`
}

/** The sidecar `existing` with its review replaced: settings and files stay as archived. */
export function sidecarWithReview(existing: string, review: SidecarReview): string {
  const sidecar = JSON.parse(existing) as Record<string, unknown>
  const { verdict, verdictBy, notes } = review
  return `${JSON.stringify({ ...sidecar, verdict, verdictBy, notes }, null, 2)}\n`
}
