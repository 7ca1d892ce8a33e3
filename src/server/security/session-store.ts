import { createHmac, randomBytes } from 'node:crypto'
import type { Db } from '../store/database'

/** How often a session's last use is written down (and its cookie renewed): not every request. */
const TOUCH_EVERY_MS = 60_000

export type SessionCheck = 'valid' | 'renewed' | 'unknown'

/**
 * Browser sessions, server-side, so that signing out really ends one. A cookie holds 32 random
 * bytes; the database holds only an HMAC of it, keyed by the session secret and the studio token:
 * a stolen database opens nothing, and rotating the secret (sign out everywhere) or starting with
 * a new token leaves every old cookie matching nothing. A session lasts `lifetimeMs` after its
 * last use (sliding).
 */
export class SessionStore {
  private key: Buffer

  constructor(
    private readonly db: Db,
    private readonly token: string,
    private readonly lifetimeMs: number,
    private readonly now: () => number,
  ) {
    const stored = db
      .prepare(`SELECT value FROM auth_settings WHERE name = 'session_secret'`)
      .get() as { value: string } | undefined
    this.key = this.keyFrom(stored?.value ?? this.newSecret())
  }

  /** Starts a session for `name`; the returned value is the cookie, which is kept nowhere else. */
  open(name: string | null = null): string {
    const cookie = randomBytes(32).toString('base64url')
    const now = this.now()
    this.db.prepare('DELETE FROM sessions WHERE last_seen_at < ?').run(now - this.lifetimeMs)
    this.db
      .prepare('INSERT INTO sessions (id_hash, created_at, last_seen_at, name) VALUES (?, ?, ?, ?)')
      .run(this.hash(cookie), now, now, name)
    return cookie
  }

  /** 'renewed' when the session is good and its last use was just moved forward. */
  check(cookie: string): SessionCheck {
    const hash = this.hash(cookie)
    const row = this.db.prepare('SELECT last_seen_at FROM sessions WHERE id_hash = ?').get(hash) as
      { last_seen_at: number } | undefined
    if (!row) return 'unknown'
    const now = this.now()
    if (now - row.last_seen_at > this.lifetimeMs) {
      this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(hash)
      return 'unknown'
    }
    if (now - row.last_seen_at < TOUCH_EVERY_MS) return 'valid'
    this.db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?').run(now, hash)
    return 'renewed'
  }

  /** The name the session was opened with (null for one opened without, or an unknown cookie). */
  nameOf(cookie: string): string | null {
    const row = this.db.prepare('SELECT name FROM sessions WHERE id_hash = ?').get(this.hash(cookie)) as
      | { name: string | null }
      | undefined
    return row?.name ?? null
  }

  close(cookie: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(this.hash(cookie))
  }

  /** Sign out everywhere: a new secret, so no cookie handed out before matches anything. */
  closeAll(): void {
    this.db.transaction(() => {
      this.key = this.keyFrom(this.newSecret())
      this.db.prepare('DELETE FROM sessions').run()
    })()
  }

  private newSecret(): string {
    const secret = randomBytes(32).toString('hex')
    this.db
      .prepare(
        `INSERT INTO auth_settings (name, value) VALUES ('session_secret', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
      )
      .run(secret)
    return secret
  }

  private keyFrom(secret: string): Buffer {
    return createHmac('sha256', Buffer.from(secret, 'hex')).update(this.token).digest()
  }

  private hash(cookie: string): string {
    return createHmac('sha256', this.key).update(cookie).digest('base64url')
  }
}
