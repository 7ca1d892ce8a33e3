import type { Generated } from 'kysely'

/**
 * The studio's tables as Kysely sees them, on SQLite and PostgreSQL alike. Booleans are 0/1
 * integers and times ISO text (sessions: epoch milliseconds) on both, so one code path reads both.
 * A new table goes here and into a new file in ./migrations.
 */
export interface StudioTables {
  jobs: JobsTable
  sessions: SessionsTable
  auth_settings: AuthSettingsTable
  sign_ins: SignInsTable
  reels: ReelsTable
  reel_shots: ReelShotsTable
  notes: NotesTable
  review_links: ReviewLinksTable
  review_sessions: ReviewSessionsTable
  replicas: ReplicasTable
}

export interface JobsTable {
  /** Creation order: the list pages by it, newest first. */
  seq: Generated<number>
  id: string
  upstream_id: string | null
  provider: string
  prompt: string
  /** The prompt folded for search (contract/search.ts): both back ends search it with LIKE. */
  prompt_search: string
  model: string
  provider_model: string | null
  size: string
  seconds: number
  fit: Generated<string>
  status: string
  progress: Generated<number>
  error_code: string | null
  error_kind: string | null
  error_message: string | null
  created_at: string
  updated_at: string
  completed_at: string | null
  remix_of: string | null
  group_id: string | null
  take_letter: Generated<string>
  deleted_at: string | null
  reference_hash: string | null
  reference_width: number | null
  reference_height: number | null
  last_reference_hash: string | null
  last_reference_width: number | null
  last_reference_height: number | null
  has_thumbnail: Generated<number>
  has_spritesheet: Generated<number>
  /** The tile-sized still's width and the width of the thumbnail it was made from; null without a still. */
  still_width: number | null
  thumbnail_width: number | null
  cost_usd: Generated<number>
  /** 0 when the provider's price is not known (cost_usd is then 0 too). */
  cost_known: Generated<number>
  /** The signed-in name of who started it; null without a token (one user) or from a script. */
  author: string | null
  /** circled, hold or no_good (contract/verdict.ts); written by the review repository only. */
  verdict: string | null
  /** Who set the verdict: a reviewer's name through a review link, or the signed-in name; null if not known. */
  verdict_by: string | null
  /** How many notes the take has, kept by the review repository with every note it writes. */
  notes_count: Generated<number>
  /** The replica following this unfinished job (leases/job-leases.ts), and until when (ISO). */
  lease_owner: string | null
  lease_until: string | null
}

/** A review note on a take (contract Note); `marks` is its marks as JSON. */
export interface NotesTable {
  id: string
  job_id: string
  at_seconds: number
  until_seconds: number | null
  body: string
  search_text: string
  author: string
  marks: string
  created_at: string
  updated_at: string
  /** The hash of the review-link session that wrote it (its reviewer may change it); null from the studio. */
  review_session: string | null
}

export interface SessionsTable {
  /** A keyed hash of the cookie: the cookie itself is kept nowhere. */
  id_hash: string
  created_at: number
  last_seen_at: number
  /** The name given at sign-in. */
  name: string | null
}

export interface AuthSettingsTable {
  name: string
  value: string
}

export interface SignInsTable {
  seq: Generated<number>
  at: string
  address: string
  outcome: string
  user_agent: string
}

export interface ReelsTable {
  id: string
  name: string
  created_at: string
  updated_at: string
  /** The latest export as JSON (reels/reel-record ExportRecord), null before the first. */
  export_state: string | null
  /** The replica running its export, and until when its lease holds (leases/reel-export-leases.ts). */
  export_owner: string | null
  export_until: string | null
}

/** A reel's takes, one row per shot: `position` 0, 1, 2… is the play order. */
export interface ReelShotsTable {
  reel_id: string
  position: number
  job_id: string
}

/** The two back ends; migrations take it for the few things SQL spells differently (see 0001-baseline). */
export type StoreDialect = 'sqlite' | 'postgres'

/** A review link (0004-review-links); times are ISO 8601 text. */
export interface ReviewLinksTable {
  id: string
  /** SHA-256 of the link's token: the token itself is shown once and kept nowhere. */
  token_hash: string
  share_kind: 'reel' | 'takes'
  reel_id: string | null
  /** The shared takes as a JSON array of job ids; '[]' for a reel (its takes are read live). */
  job_ids: string
  /** What it shares, in words, as it was named when shared. */
  title: string
  permission: 'watch' | 'comment'
  passphrase_hash: string | null
  created_at: string
  expires_at: string
  revoked_at: string | null
  last_used_at: string | null
}

/** A reviewer's browser, after it opened a link (and gave its passphrase): a hash of its cookie. */
export interface ReviewSessionsTable {
  id_hash: string
  link_id: string
  reviewer_name: string | null
  created_at: string
}

/** A live studio replica: its heartbeat, from which the provider cap is split (leases/heartbeats.ts). */
export interface ReplicasTable {
  id: string
  seen_at: string
}
