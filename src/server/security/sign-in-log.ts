import type { SignInEntry, SignInOutcome } from '../../contract/session'
import type { Db } from '../store/database'

const KEEP = 1000
const USER_AGENT_MAX = 300

/**
 * Who tried the studio token, from where, and how it went. The sign-in limits bound how fast
 * wrong tokens can arrive, and the oldest lines go past KEEP, so the table stays small.
 * Nothing here ever receives the token.
 */
export class SignInLog {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  add(entry: { address: string; outcome: SignInOutcome; userAgent: string | undefined }): void {
    const userAgent = (entry.userAgent ?? '').slice(0, USER_AGENT_MAX)
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO sign_ins (at, address, outcome, user_agent) VALUES (?, ?, ?, ?)')
      .run(this.now().toISOString(), entry.address, entry.outcome, userAgent)
    this.db.prepare('DELETE FROM sign_ins WHERE seq <= ?').run(Number(lastInsertRowid) - KEEP)
  }

  /** Newest first. */
  recent(limit: number): SignInEntry[] {
    const rows = this.db
      .prepare('SELECT at, address, outcome, user_agent FROM sign_ins ORDER BY seq DESC LIMIT ?')
      .all(limit) as { at: string; address: string; outcome: SignInOutcome; user_agent: string }[]
    return rows.map((row) => ({
      at: row.at,
      address: row.address,
      outcome: row.outcome,
      userAgent: row.user_agent,
    }))
  }
}
