import type { Reel, ReelDetail } from '../../contract/reels'
import { presentJob } from '../jobs/present'
import type { JobRecord } from '../store/job-record'
import type { ReelRecord } from './reel-record'

const sameOrder = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i])

/** The API's view of a reel: the film's URL once exported (versioned, since the file is cached for good). */
export function presentReel(reel: ReelRecord): Reel {
  const done = reel.export?.status === 'completed' ? reel.export : null
  return {
    id: reel.id,
    name: reel.name,
    jobIds: reel.jobIds,
    createdAt: reel.createdAt,
    updatedAt: reel.updatedAt,
    export: reel.export
      ? {
          ...reel.export,
          stale: !sameOrder(reel.export.jobIds, reel.jobIds),
          video: done ? `/api/reels/${reel.id}/video?v=${Date.parse(done.finishedAt ?? done.startedAt).toString(36)}` : null,
        }
      : null,
  }
}

export function presentReelDetail(reel: ReelRecord, takes: readonly JobRecord[]): ReelDetail {
  return { ...presentReel(reel), takes: takes.map(presentJob) }
}
