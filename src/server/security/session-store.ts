import { createHmac, hash as digest, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { StudioTables } from '../store/tables'

/** How often a session's last use is written down (and its cookie renewed): not every request. */
const TOUCH_EVERY_MS = 60_000

/**
 * How long a session found good in the database is taken as good without asking it again: the
 * sign-in check otherwise cost every /api request two queries and an HMAC, more than the rest
 * of a polled read (docs/benchmarks.md, reads). A sign-out on this replica holds at once; a
 * sign-out (or sign out everywhere) on another replica sharing the database holds here within
 * this bound. A session's renewal is never skipped: a kept session due for one asks again.
 */
export const SESSION_RECHECK_MS = 1_000

/** Sessions kept at once; past this many the memo starts over. */
const RECENT_MAX = 10_000

/**
 * The memo's key for a cookie: a digest, so that no cookie is kept, in memory either. The
 * one-shot `hash` costs a third of a Hash object's time, and this runs on every signed-in request.
 */
const recentKey = (cookie: string) => digest('sha256', cookie, 'base64url')

export interface SignedIn {
  /** The name given at sign-in (null for a session opened without one). */
  name: string | null
  /** The session's last use was just moved forward: renew the cookie too. */
  renewed: boolean
}

/**
 * Browser sessions, server-side, so that signing out really ends one. A cookie holds 32 random
 * bytes; the database holds only an HMAC of it, keyed by the session secret and the studio token:
 * a stolen database opens nothing, and rotating the secret (sign out everywhere) or starting with
 * a new token leaves every old cookie matching nothing. A session lasts `lifetimeMs` after its
 * last use (sliding). The secret is read from the database at each check, so a sign out
 * everywhere on one replica holds on all of them (within SESSION_RECHECK_MS).
 */
export class SessionStore {
  /** The key of the last secret read: deriving it costs an HMAC, reading the secret one lookup. */
  private derived: { secret: string; key: Buffer } | null = null
  /** Sessions found good lately (by recentKey): when, their last use then, and their name. */
  private readonly recent = new Map<string, { checkedAt: number; lastSeen: number; name: string | null }>()

  constructor(
    private readonly db: Kysely<StudioTables>,
    private readonly token: string,
    private readonly lifetimeMs: number,
    private readonly now: () => number,
  ) {}

  /** Starts a session for `name`; the returned value is the cookie, which is kept nowhere else. */
  async open(name: string | null = null): Promise<string> {
    const cookie = randomBytes(32).toString('base64url')
    const now = this.now()
    await this.db.deleteFrom('sessions').where('last_seen_at', '<', now - this.lifetimeMs).execute()
    const idHash = await this.hash(cookie)
    await this.db.insertInto('sessions').values({ id_hash: idHash, created_at: now, last_seen_at: now, name }).execute()
    return cookie
  }

  /**
   * The session `cookie` opens, or null: its name, and whether its last use was just moved
   * forward (then the cookie is renewed too). A session found good is taken as good for
   * SESSION_RECHECK_MS without asking the database again (see there).
   */
  async signedIn(cookie: string): Promise<SignedIn | null> {
    const now = this.now()
    const memoKey = recentKey(cookie)
    const kept = this.recent.get(memoKey)
    if (kept && now - kept.checkedAt < SESSION_RECHECK_MS && now - kept.lastSeen < TOUCH_EVERY_MS)
      return { name: kept.name, renewed: false }
    this.recent.delete(memoKey)
    const hash = await this.hash(cookie)
    const row = await this.db
      .selectFrom('sessions')
      .select(['last_seen_at', 'name'])
      .where('id_hash', '=', hash)
      .executeTakeFirst()
    if (!row) return null
    if (now - row.last_seen_at > this.lifetimeMs) {
      await this.db.deleteFrom('sessions').where('id_hash', '=', hash).execute()
      return null
    }
    let lastSeen = row.last_seen_at
    const renewed = now - lastSeen >= TOUCH_EVERY_MS
    if (renewed) {
      await this.db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', hash).execute()
      lastSeen = now
    }
    if (this.recent.size >= RECENT_MAX) this.recent.clear()
    this.recent.set(memoKey, { checkedAt: now, lastSeen, name: row.name })
    return { name: row.name, renewed }
  }

  async close(cookie: string): Promise<void> {
    this.recent.delete(recentKey(cookie))
    const hash = await this.hash(cookie)
    await this.db.deleteFrom('sessions').where('id_hash', '=', hash).execute()
  }

  /** Sign out everywhere: a new secret, so no cookie handed out before matches anything. */
  async closeAll(): Promise<void> {
    this.recent.clear()
    const secret = randomBytes(32).toString('hex')
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('auth_settings').set({ value: secret }).where('name', '=', 'session_secret').execute()
      await trx.deleteFrom('sessions').execute()
    })
  }

  private async key(): Promise<Buffer> {
    const secret = await this.secret()
    if (this.derived?.secret !== secret) {
      this.derived = { secret, key: createHmac('sha256', Buffer.from(secret, 'hex')).update(this.token).digest() }
    }
    return this.derived.key
  }

  /** The stored secret; the first start makes one (replicas starting together agree on the first written). */
  private async secret(): Promise<string> {
    const read = () =>
      this.db.selectFrom('auth_settings').select('value').where('name', '=', 'session_secret').executeTakeFirst()
    const stored = await read()
    if (stored) return stored.value
    await this.db
      .insertInto('auth_settings')
      .values({ name: 'session_secret', value: randomBytes(32).toString('hex') })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute()
    const written = await read()
    if (!written) throw new Error('The session secret could not be stored')
    return written.value
  }

  private async hash(cookie: string): Promise<string> {
    return createHmac('sha256', await this.key()).update(cookie).digest('base64url')
  }
}
