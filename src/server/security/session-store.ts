import { createHmac, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { StudioTables } from '../store/tables'

/** How often a session's last use is written down (and its cookie renewed): not every request. */
const TOUCH_EVERY_MS = 60_000

export type SessionCheck = 'valid' | 'renewed' | 'unknown'

/**
 * Browser sessions, server-side, so that signing out really ends one. A cookie holds 32 random
 * bytes; the database holds only an HMAC of it, keyed by the session secret and the studio token:
 * a stolen database opens nothing, and rotating the secret (sign out everywhere) or starting with
 * a new token leaves every old cookie matching nothing. A session lasts `lifetimeMs` after its
 * last use (sliding). The secret is read from the database each time, so a sign out everywhere
 * on one replica holds on all of them.
 */
export class SessionStore {
  /** The key of the last secret read: deriving it costs an HMAC, reading the secret one lookup. */
  private derived: { secret: string; key: Buffer } | null = null

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

  /** 'renewed' when the session is good and its last use was just moved forward. */
  async check(cookie: string): Promise<SessionCheck> {
    const hash = await this.hash(cookie)
    const row = await this.db.selectFrom('sessions').select('last_seen_at').where('id_hash', '=', hash).executeTakeFirst()
    if (!row) return 'unknown'
    const now = this.now()
    const lastSeen = row.last_seen_at
    if (now - lastSeen > this.lifetimeMs) {
      await this.db.deleteFrom('sessions').where('id_hash', '=', hash).execute()
      return 'unknown'
    }
    if (now - lastSeen < TOUCH_EVERY_MS) return 'valid'
    await this.db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', hash).execute()
    return 'renewed'
  }

  /** The name the session was opened with (null for one opened without, or an unknown cookie). */
  async nameOf(cookie: string): Promise<string | null> {
    const hash = await this.hash(cookie)
    const row = await this.db.selectFrom('sessions').select('name').where('id_hash', '=', hash).executeTakeFirst()
    return row?.name ?? null
  }

  async close(cookie: string): Promise<void> {
    const hash = await this.hash(cookie)
    await this.db.deleteFrom('sessions').where('id_hash', '=', hash).execute()
  }

  /** Sign out everywhere: a new secret, so no cookie handed out before matches anything. */
  async closeAll(): Promise<void> {
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
