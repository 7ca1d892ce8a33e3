import type Database from 'better-sqlite3'

/**
 * The schema as studios before the Kysely migrations kept it: each entry moved a SQLite database
 * from version i to i + 1 (PRAGMA user_version). A database left at 1..4 by an older studio is
 * brought to 5 here, on SQLite only; then ./0001-baseline finds its tables already there and is
 * recorded as applied, so nobody's takes are lost. Frozen: new schema goes in a new migration file.
 */
export const LEGACY_SQLITE_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE jobs (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    id              TEXT NOT NULL UNIQUE,
    upstream_id     TEXT,
    provider        TEXT NOT NULL,
    prompt          TEXT NOT NULL,
    model           TEXT NOT NULL,
    size            TEXT NOT NULL,
    seconds         INTEGER NOT NULL,
    fit             TEXT NOT NULL DEFAULT 'cover',
    status          TEXT NOT NULL,
    progress        REAL NOT NULL DEFAULT 0,
    error_code      TEXT,
    error_message   TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    completed_at    TEXT,
    remix_of        TEXT,
    group_id        TEXT,
    reference_hash  TEXT,
    reference_width INTEGER,
    reference_height INTEGER,
    has_thumbnail   INTEGER NOT NULL DEFAULT 0,
    has_spritesheet INTEGER NOT NULL DEFAULT 0,
    cost_usd        REAL NOT NULL DEFAULT 0
  );
  CREATE INDEX jobs_status ON jobs (status);
  CREATE INDEX jobs_group ON jobs (group_id);
  CREATE INDEX jobs_remix_of ON jobs (remix_of);
  `,
  // Sign-in (issue 17): sessions by a keyed hash of their cookie (the key comes from the session
  // secret and the token, so rotating either ends them all), and the sign-in log (never a token).
  `
  CREATE TABLE sessions (
    id_hash      TEXT PRIMARY KEY,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
  );
  CREATE TABLE auth_settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  CREATE TABLE sign_ins (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT NOT NULL,
    address    TEXT NOT NULL,
    outcome    TEXT NOT NULL,
    user_agent TEXT NOT NULL
  );
  `,
  // The open model catalog (issue 10): the provider's resolved model, a last-frame reference,
  // and costs that may be unknown.
  `
  ALTER TABLE jobs ADD COLUMN provider_model TEXT;
  ALTER TABLE jobs ADD COLUMN last_reference_hash TEXT;
  ALTER TABLE jobs ADD COLUMN last_reference_width INTEGER;
  ALTER TABLE jobs ADD COLUMN last_reference_height INTEGER;
  ALTER TABLE jobs ADD COLUMN cost_known INTEGER NOT NULL DEFAULT 1;
  `,
  // Issue 16: take letters per submit (A, B, C…, backfilled in creation order) and soft delete
  // (a deleted job keeps its row and files until it is purged; see JobService.purge).
  `
  ALTER TABLE jobs ADD COLUMN take_letter TEXT NOT NULL DEFAULT 'A';
  ALTER TABLE jobs ADD COLUMN deleted_at TEXT;
  UPDATE jobs SET take_letter = (
    SELECT CASE WHEN n < 26 THEN char(65 + n) ELSE char(64 + n / 26) || char(65 + n % 26) END
    FROM (SELECT COUNT(*) AS n FROM jobs AS earlier
          WHERE earlier.group_id = jobs.group_id AND earlier.seq < jobs.seq)
  ) WHERE group_id IS NOT NULL;
  CREATE INDEX jobs_deleted_at ON jobs (deleted_at);
  `,
  // Issue 15: a failed job keeps what the person can do about it (contract JOB_ERROR_KINDS), so
  // the web reads the kind instead of guessing from codes. Earlier rows are classified by their code.
  `
  ALTER TABLE jobs ADD COLUMN error_kind TEXT;
  UPDATE jobs SET error_kind = CASE
    WHEN error_code IN ('internal', 'interrupted', 'lost_upstream', 'files_expired', 'archive_retrying',
      'cancel_unconfirmed', 'timed_out', 'expired') THEN 'studio'
    WHEN error_code LIKE '%moderation%' OR error_code LIKE '%content_policy%'
      OR error_code LIKE '%safety%' OR error_code LIKE '%blocked%' THEN 'moderation'
    WHEN error_code LIKE '%rate_limit%' THEN 'rate_limited'
    WHEN error_code LIKE '%quota%' OR error_code LIKE '%billing%' OR error_code LIKE '%credit%'
      OR error_code LIKE '%insufficient%' THEN 'quota'
    WHEN error_code LIKE '%auth%' OR error_code LIKE '%api_key%' OR error_code LIKE '%unauthorized%'
      OR error_code LIKE '%forbidden%' THEN 'auth'
    WHEN error_code LIKE '%model%' THEN 'model_unavailable'
    WHEN error_code LIKE '%unavailable%' OR error_code LIKE '%server_error%' OR error_code LIKE '%internal%'
      OR error_code LIKE '%timeout%' OR error_code LIKE '%bad_response%' THEN 'provider_down'
    WHEN error_code = 'failed' THEN 'render_failed'
    ELSE 'invalid_request'
  END WHERE error_code IS NOT NULL;
  `,
]

/**
 * Written to user_version once a database is on the Kysely migrations, so a studio from before
 * them refuses it ("newer than this studio knows") instead of writing into a schema it does not know.
 */
export const ON_KYSELY_MIGRATIONS = LEGACY_SQLITE_MIGRATIONS.length + 1

/** Brings a database an older studio left at 1..4 to 5; a new or already moved one is left alone. */
export function upgradeLegacySqlite(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > ON_KYSELY_MIGRATIONS) {
    throw new Error(
      `The database is at schema version ${current}, newer than this studio knows. Update Dailies.`,
    )
  }
  if (current === 0 || current === ON_KYSELY_MIGRATIONS) return
  for (let version = current; version < LEGACY_SQLITE_MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(LEGACY_SQLITE_MIGRATIONS[version] ?? '')
      db.pragma(`user_version = ${version + 1}`)
    })()
  }
}
