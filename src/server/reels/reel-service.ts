import { ApiError } from '../../contract/errors'
import type { CreateReelRequest } from '../../contract/reels'
import { notFound } from '../errors'
import { newReelId } from '../jobs/ids'
import type { JobRecord } from '../store/job-record'
import type { Vault } from '../vault/vault'
import type { ReelRecord } from './reel-record'
import type { ReelRepository } from './reel-repository'
import { reelSidecar } from './reel-sidecar'

/** The takes a reel is made of, as the jobs' store knows them. */
export interface TakeSource {
  /** A take that exists (not deleted), or null. */
  find(id: string): Promise<JobRecord | null>
  /** The takes of one submit, in letter order. */
  group(group: string): Promise<JobRecord[]>
}

export interface ReelServiceDeps {
  repo: ReelRepository
  takes: TakeSource
  vault: Vault
  now: () => Date
}

/** A take can join a reel while it renders or once it is done; a failed one never will be. */
function assertJoinable(take: JobRecord): void {
  if (take.status === 'failed' || take.status === 'cancelled') {
    throw new ApiError('invalid_request', `Take ${take.take} (${take.id}) ${take.status === 'failed' ? 'failed' : 'was cancelled'}: a reel holds finished takes`, 'jobIds')
  }
}

/** Create, rename, reorder, remove a shot, delete: each change lands in the store and the reel's sidecar. */
export class ReelService {
  constructor(private readonly deps: ReelServiceDeps) {}

  list(): Promise<ReelRecord[]> {
    return this.deps.repo.list()
  }

  async get(id: string): Promise<ReelRecord> {
    const reel = await this.deps.repo.get(id)
    if (!reel) throw notFound(`Reel ${id}`)
    return reel
  }

  /** The job ids of a reel, in play order: what a review link sharing the reel may show. */
  async reelTakes(id: string): Promise<string[]> {
    return (await this.get(id)).jobIds
  }

  /** The reel's takes that still exist, in order (a deleted take is skipped). */
  async takesOf(reel: Pick<ReelRecord, 'jobIds'>): Promise<JobRecord[]> {
    const takes = await Promise.all(reel.jobIds.map((id) => this.deps.takes.find(id)))
    return takes.filter((take) => take !== null)
  }

  async create(request: CreateReelRequest): Promise<ReelRecord> {
    const jobIds = request.group ? await this.groupTakes(request.group) : await this.checkTakes(request.jobIds ?? [])
    const now = this.deps.now().toISOString()
    const reel: ReelRecord = {
      id: newReelId(),
      name: request.name.trim(),
      jobIds,
      createdAt: now,
      updatedAt: now,
      export: null,
    }
    await this.deps.repo.insert(reel)
    await this.writeSidecar(reel)
    return reel
  }

  async rename(id: string, name: string): Promise<ReelRecord> {
    await this.get(id)
    await this.deps.repo.rename(id, name, this.deps.now().toISOString())
    return this.changed(id)
  }

  /** The same takes in a new order: adding or dropping takes is not a reorder. */
  async reorder(id: string, jobIds: readonly string[]): Promise<ReelRecord> {
    const reel = await this.get(id)
    const same = jobIds.length === reel.jobIds.length && jobIds.every((jobId) => reel.jobIds.includes(jobId))
    if (!same) {
      throw new ApiError('invalid_request', "A reorder lists the reel's takes, each once, in their new order", 'jobIds')
    }
    await this.deps.repo.setTakes(id, jobIds, this.deps.now().toISOString())
    return this.changed(id)
  }

  async removeShot(id: string, jobId: string): Promise<ReelRecord> {
    const reel = await this.get(id)
    if (!reel.jobIds.includes(jobId)) throw notFound(`Take ${jobId} in this reel`)
    const rest = reel.jobIds.filter((other) => other !== jobId)
    await this.deps.repo.setTakes(id, rest, this.deps.now().toISOString())
    return this.changed(id)
  }

  /** The reel, its sidecar and its exported film go; the takes stay. */
  async delete(id: string): Promise<void> {
    const reel = await this.get(id)
    if (reel.export?.status === 'rendering') throw new ApiError('conflict', 'This reel is exporting: wait for the export to end, then delete it')
    await this.deps.repo.delete(id)
    await this.deps.vault.remove(id)
  }

  /** Re-reads a reel after a change and writes its sidecar. */
  async changed(id: string): Promise<ReelRecord> {
    const reel = await this.get(id)
    await this.writeSidecar(reel)
    return reel
  }

  private async writeSidecar(reel: ReelRecord): Promise<void> {
    await this.deps.vault.writeFile(reel.id, 'reel-sidecar', reelSidecar(reel, await this.takesOf(reel)))
  }

  private async checkTakes(jobIds: readonly string[]): Promise<string[]> {
    for (const id of jobIds) {
      const take = await this.deps.takes.find(id)
      if (!take) throw new ApiError('invalid_request', `Take ${id} does not exist`, 'jobIds')
      assertJoinable(take)
    }
    return [...jobIds]
  }

  /** A group's circled takes once any is circled, else all its takes that did not fail. */
  private async groupTakes(group: string): Promise<string[]> {
    const takes = (await this.deps.takes.group(group)).filter(
      (take) => take.status !== 'failed' && take.status !== 'cancelled',
    )
    const circled = takes.filter((take) => take.verdict === 'circled')
    const chosen = circled.length > 0 ? circled : takes
    if (chosen.length === 0) throw new ApiError('invalid_request', `Group ${group} has no takes for a reel`, 'group')
    return chosen.map((take) => take.id)
  }
}
