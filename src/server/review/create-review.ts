import type { FastifyBaseLogger } from 'fastify'
import type { Kysely } from 'kysely'
import type { JobService } from '../jobs/job-service'
import type { StudioTables } from '../store/tables'
import type { Vault } from '../vault/vault'
import { NotesExport } from './notes-export'
import { ReviewRepository } from './review-repository'
import { ReviewService } from './review-service'
import { TakeFps } from './take-fps'

export interface Review {
  review: ReviewService
  notesExport: NotesExport
}

/** The review of takes wired on the studio's database, vault and job loader. */
export function createReview(deps: {
  db: Kysely<StudioTables>
  jobs: JobService
  vault: Vault
  ffmpegPath: string
  log: FastifyBaseLogger
  now?: () => Date
}): Review {
  const repo = new ReviewRepository(deps.db)
  const now = deps.now ?? (() => new Date())
  return {
    review: new ReviewService({ jobs: deps.jobs, repo, vault: deps.vault, now }),
    notesExport: new NotesExport({
      jobs: deps.jobs,
      repo,
      fps: new TakeFps(deps.vault, deps.ffmpegPath, deps.log),
      now,
    }),
  }
}
