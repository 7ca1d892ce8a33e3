import type { JobRecord } from '../store/job-record'

/** Everything needed to understand a take without the database, kept beside its files. */
export function sidecarFor(job: JobRecord, files: Record<string, number>): string {
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
    },
    null,
    2,
  )}\n`
}
