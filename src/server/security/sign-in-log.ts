import type { Kysely } from 'kysely'
import type { SignInEntry, SignInOutcome } from '../../contract/session'
import type { StudioTables } from '../store/tables'

const KEEP = 1000
const USER_AGENT_MAX = 300

/**
 * Who tried the studio token, from where, and how it went. The sign-in limits bound how fast
 * wrong tokens can arrive, and the oldest lines go past KEEP, so the table stays small.
 * Nothing here ever receives the token.
 */
export class SignInLog {
  constructor(
    private readonly db: Kysely<StudioTables>,
    private readonly now: () => Date,
  ) {}

  async add(entry: { address: string; outcome: SignInOutcome; userAgent: string | undefined }): Promise<void> {
    const userAgent = (entry.userAgent ?? '').slice(0, USER_AGENT_MAX)
    const { seq } = await this.db
      .insertInto('sign_ins')
      .values({ at: this.now().toISOString(), address: entry.address, outcome: entry.outcome, user_agent: userAgent })
      .returning('seq')
      .executeTakeFirstOrThrow()
    await this.db.deleteFrom('sign_ins').where('seq', '<=', seq - KEEP).execute()
  }

  /** Newest first. */
  async recent(limit: number): Promise<SignInEntry[]> {
    const rows = await this.db
      .selectFrom('sign_ins')
      .select(['at', 'address', 'outcome', 'user_agent'])
      .orderBy('seq', 'desc')
      .limit(limit)
      .execute()
    return rows.map((row) => ({
      at: row.at,
      address: row.address,
      outcome: row.outcome as SignInOutcome,
      userAgent: row.user_agent,
    }))
  }
}
