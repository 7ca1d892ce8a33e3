import type { Kysely } from 'kysely'
import { z } from '../../lib/zod'
import { jobIdSchema } from '../../contract/job'
import { noteSchema, verdictSchema, type Verdict } from '../../contract/review'
import type { SavedNote } from '../jobs/sidecar'
import type { StudioTables } from '../store/tables'
import { ASSETS, type Vault } from '../vault/vault'
import { ReviewRepository, inTimeOrder } from './review-repository'

/**
 * The review part of a take's sidecar (job.json). Sidecars archived before review existed hold
 * no notes or verdict: they read as an empty review.
 */
const sidecarReviewSchema = z.object({
  id: jobIdSchema,
  verdict: z._default(verdictSchema, null),
  verdictBy: z._default(z.nullable(z.string()), null),
  notes: z._default(z.array(z.omit(noteSchema, { editable: true })), []),
})

/** What a run did (or, in a dry run, would do) for one take folder. */
export type RestoreOutcome =
  | { kind: 'restored'; jobId: string; notes: number; verdict: Verdict }
  | { kind: 'up-to-date'; jobId: string }
  | { kind: 'kept'; jobId: string; reason: string }
  | { kind: 'skipped'; folder: string; reason: string }

export interface RestoreOptions {
  /** Overwrite a review the database already holds with the sidecar's. */
  replace: boolean
  dryRun: boolean
  onTake?: (outcome: RestoreOutcome) => void
}

interface SidecarReview {
  verdict: Verdict
  verdictBy: string | null
  notes: SavedNote[]
}

const SIDECAR = `/${ASSETS.sidecar.file}`

/** Fields compared to tell whether the database already holds exactly the sidecar's review. */
const sameReview = (a: SidecarReview, b: SidecarReview) =>
  a.verdict === b.verdict &&
  a.verdictBy === b.verdictBy &&
  JSON.stringify([...a.notes].sort(inTimeOrder)) === JSON.stringify([...b.notes].sort(inTimeOrder))

async function readSidecar(vault: Vault, folder: string): Promise<SidecarReview & { id: string }> {
  let json: unknown
  try {
    json = JSON.parse((await vault.read(folder, 'sidecar')).toString('utf8'))
  } catch (error) {
    throw new Error(
      `job.json is not JSON (${error instanceof Error ? error.message : String(error)})`,
    )
  }
  const parsed = sidecarReviewSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(
      `job.json does not hold a review: ${issue?.path.join('.') || '(top)'}: ${issue?.message ?? ''}`,
    )
  }
  const { id, verdict, verdictBy, notes } = parsed.data
  if (id !== folder) throw new Error(`job.json names another take (${id})`)
  const strays = notes.filter((note) => note.jobId !== folder)
  if (strays.length > 0) throw new Error(`note ${strays[0]?.id} names another take`)
  return { id, verdict, verdictBy, notes }
}

/**
 * Writes the notes and verdicts kept in the takes' sidecars back into the database: for every
 * take folder of the vault (folder or bucket alike) whose job row exists. A take whose database
 * already holds a review keeps it unless `replace`; one transaction per take; a sidecar that does
 * not parse is reported and skipped. Running it again changes nothing.
 */
export async function restoreReview(
  db: Kysely<StudioTables>,
  vault: Vault,
  options: RestoreOptions,
): Promise<RestoreOutcome[]> {
  const folders = (await vault.keys())
    .filter((key) => key.endsWith(SIDECAR))
    .map((key) => key.slice(0, -SIDECAR.length))
  const outcomes: RestoreOutcome[] = []
  const report = (outcome: RestoreOutcome) => {
    outcomes.push(outcome)
    options.onTake?.(outcome)
  }
  for (const folder of folders) {
    let sidecar: SidecarReview
    try {
      sidecar = await readSidecar(vault, folder)
    } catch (error) {
      report({
        kind: 'skipped',
        folder,
        reason: error instanceof Error ? error.message : String(error),
      })
      continue
    }
    report(await restoreTake(db, folder, sidecar, options))
  }
  return outcomes
}

async function restoreTake(
  db: Kysely<StudioTables>,
  jobId: string,
  sidecar: SidecarReview,
  { replace, dryRun }: RestoreOptions,
): Promise<RestoreOutcome> {
  return db.transaction().execute(async (trx) => {
    const review = new ReviewRepository(trx)
    const row = await trx.selectFrom('jobs').select('id').where('id', '=', jobId).executeTakeFirst()
    if (!row)
      return { kind: 'skipped', folder: jobId, reason: 'no take with this id in the database' }
    const notes = await review.notesOf(jobId)
    const held: SidecarReview = {
      ...(await review.verdictOf(jobId)),
      notes: notes.map(({ reviewSession: _session, ...note }) => note),
    }
    if (sameReview(held, sidecar)) return { kind: 'up-to-date', jobId }
    if (!replace && (held.notes.length > 0 || held.verdict !== null))
      return {
        kind: 'kept',
        jobId,
        reason: 'the database holds a review (--replace overwrites it)',
      }
    if (!dryRun) {
      for (const note of notes) await review.deleteNote(jobId, note.id)
      // Which link session wrote a note is not in the sidecar: restored notes are the studio's.
      for (const note of sidecar.notes) await review.insertNote({ ...note, reviewSession: null })
      await review.setVerdict(jobId, { verdict: sidecar.verdict, verdictBy: sidecar.verdictBy })
    }
    return { kind: 'restored', jobId, notes: sidecar.notes.length, verdict: sidecar.verdict }
  })
}
