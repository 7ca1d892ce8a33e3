import type { Kysely } from 'kysely'
import type { StudioTables } from '../store/tables'
import type { LeaseTerms } from './replica'

/** A replica silent this many lease periods is forgotten (its row deleted by whoever beats next). */
const FORGET_AFTER_PERIODS = 10

/**
 * Live replicas, from their heartbeats: each replica writes its own row every tick and counts the
 * rows seen within one lease period. The provider cap is split by that count (ADR 007).
 */
export class Heartbeats {
  constructor(
    private readonly db: Kysely<StudioTables>,
    private readonly terms: LeaseTerms,
  ) {}

  /** Records that this replica is alive at `now` and answers how many replicas are (itself included). */
  async beat(now: Date): Promise<number> {
    const at = now.toISOString()
    await this.db
      .insertInto('replicas')
      .values({ id: this.terms.owner, seen_at: at })
      .onConflict((oc) => oc.column('id').doUpdateSet({ seen_at: at }))
      .execute()
    const forgotten = new Date(now.getTime() - FORGET_AFTER_PERIODS * this.terms.periodMs).toISOString()
    await this.db.deleteFrom('replicas').where('seen_at', '<', forgotten).execute()
    const since = new Date(now.getTime() - this.terms.periodMs).toISOString()
    const row = await this.db
      .selectFrom('replicas')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('seen_at', '>=', since)
      .executeTakeFirst()
    return Math.max(1, Number(row?.n ?? 1))
  }

  /** A graceful stop: the others' shares grow at their next beat instead of a lease period later. */
  async leave(): Promise<void> {
    await this.db.deleteFrom('replicas').where('id', '=', this.terms.owner).execute()
  }
}

/** This replica's part of the provider cap: an equal share, at least one request in flight. */
export function shareOf(cap: number, liveReplicas: number): number {
  return Math.max(1, Math.floor(cap / liveReplicas))
}
