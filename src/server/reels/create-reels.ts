import type { FastifyBaseLogger } from 'fastify'
import type { Kysely } from 'kysely'
import { defaultFontPath } from '../../lib/drawtext'
import type { ModelCatalog } from '../catalog/model-catalog'
import type { ReelExportLeases } from '../leases/reel-export-leases'
import type { JobRepository } from '../store/job-repository'
import type { StudioTables } from '../store/tables'
import type { Vault } from '../vault/vault'
import { ReelExporter } from './reel-exporter'
import { ReelRepository } from './reel-repository'
import { ReelService, type TakeSource } from './reel-service'

export interface ReelsDeps {
  db: Kysely<StudioTables>
  jobs: JobRepository
  exportLeases: ReelExportLeases
  vault: Vault
  catalog: ModelCatalog
  ffmpegPath: string
  now: () => Date
  log: FastifyBaseLogger
}

/** Letter order: A…Z, then AA, AB… */
const byLetter = (a: { take: string }, b: { take: string }) => a.take.length - b.take.length || a.take.localeCompare(b.take)

/** The reels service and its exporter, over the studio's store, jobs and vault. */
export function createReels(deps: ReelsDeps): { reels: ReelService; reelExporter: ReelExporter } {
  const repo = new ReelRepository(deps.db)
  const takes: TakeSource = {
    find: (id) => deps.jobs.get(id),
    group: async (group) => [...(await deps.jobs.list({ group, limit: 100 })).items].sort(byLetter),
  }
  const reels = new ReelService({ repo, takes, vault: deps.vault, now: deps.now })
  const reelExporter = new ReelExporter({
    repo,
    leases: deps.exportLeases,
    reels,
    takes,
    vault: deps.vault,
    catalog: deps.catalog,
    ffmpegPath: deps.ffmpegPath,
    fontFile: defaultFontPath(),
    now: deps.now,
    log: deps.log,
  })
  return { reels, reelExporter }
}
