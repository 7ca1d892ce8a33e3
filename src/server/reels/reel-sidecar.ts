import type { JobRecord } from '../store/job-record'
import type { ReelRecord } from './reel-record'

/** Everything needed to understand a reel without the database, kept beside its exported film. */
export function reelSidecar(reel: ReelRecord, takes: readonly JobRecord[]): string {
  const byId = new Map(takes.map((take) => [take.id, take]))
  return `${JSON.stringify(
    {
      id: reel.id,
      name: reel.name,
      createdAt: reel.createdAt,
      updatedAt: reel.updatedAt,
      shots: reel.jobIds.map((jobId, index) => {
        const take = byId.get(jobId)
        return {
          position: index + 1,
          jobId,
          ...(take ? { take: take.take, prompt: take.prompt, model: take.model, size: take.size, seconds: take.seconds } : { deleted: true }),
        }
      }),
      export: reel.export,
    },
    null,
    2,
  )}\n`
}
