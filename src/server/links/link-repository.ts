import type { Kysely, Selectable } from 'kysely'
import type { ReviewPermission, ReviewShare } from '../../contract/links'
import type { ReviewLinksTable, StudioTables } from '../store/tables'

export interface LinkRecord {
  id: string
  share: ReviewShare
  title: string
  permission: ReviewPermission
  passphraseHash: string | null
  createdAt: string
  expiresAt: string
  revokedAt: string | null
  lastUsedAt: string | null
}

export interface NewLink extends Omit<LinkRecord, 'revokedAt' | 'lastUsedAt'> {
  tokenHash: string
}

function toRecord(row: Selectable<ReviewLinksTable>): LinkRecord {
  const share: ReviewShare =
    row.share_kind === 'reel'
      ? { kind: 'reel', reelId: row.reel_id ?? '' }
      : { kind: 'takes', jobIds: JSON.parse(row.job_ids) as string[] }
  return {
    id: row.id,
    share,
    title: row.title,
    permission: row.permission,
    passphraseHash: row.passphrase_hash,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  }
}

/** Review links and the reviewer sessions opened through them. */
export class LinkRepository {
  constructor(private readonly db: Kysely<StudioTables>) {}

  async insert(link: NewLink): Promise<LinkRecord> {
    await this.db
      .insertInto('review_links')
      .values({
        id: link.id,
        token_hash: link.tokenHash,
        share_kind: link.share.kind,
        reel_id: link.share.kind === 'reel' ? link.share.reelId : null,
        job_ids: JSON.stringify(link.share.kind === 'takes' ? link.share.jobIds : []),
        title: link.title,
        permission: link.permission,
        passphrase_hash: link.passphraseHash,
        created_at: link.createdAt,
        expires_at: link.expiresAt,
        revoked_at: null,
        last_used_at: null,
      })
      .execute()
    return { ...link, revokedAt: null, lastUsedAt: null }
  }

  /** Newest first. */
  async list(): Promise<LinkRecord[]> {
    const rows = await this.db.selectFrom('review_links').selectAll().orderBy('created_at', 'desc').orderBy('id').execute()
    return rows.map(toRecord)
  }

  async get(id: string): Promise<LinkRecord | null> {
    const row = await this.db.selectFrom('review_links').selectAll().where('id', '=', id).executeTakeFirst()
    return row ? toRecord(row) : null
  }

  async byTokenHash(tokenHash: string): Promise<LinkRecord | null> {
    const row = await this.db
      .selectFrom('review_links')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst()
    return row ? toRecord(row) : null
  }

  /** Its sessions stay, so a reviewer still using one is told the link was revoked. */
  async revoke(id: string, at: string): Promise<void> {
    await this.db
      .updateTable('review_links')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute()
  }

  async touch(id: string, at: string): Promise<void> {
    await this.db.updateTable('review_links').set({ last_used_at: at }).where('id', '=', id).execute()
  }

  async openSession(idHash: string, linkId: string, at: string): Promise<void> {
    await this.db
      .insertInto('review_sessions')
      .values({ id_hash: idHash, link_id: linkId, reviewer_name: null, created_at: at })
      .execute()
  }

  async session(idHash: string): Promise<{ linkId: string; reviewerName: string | null } | null> {
    const row = await this.db
      .selectFrom('review_sessions')
      .select(['link_id', 'reviewer_name'])
      .where('id_hash', '=', idHash)
      .executeTakeFirst()
    return row ? { linkId: row.link_id, reviewerName: row.reviewer_name } : null
  }

  async nameReviewer(idHash: string, name: string): Promise<void> {
    await this.db.updateTable('review_sessions').set({ reviewer_name: name }).where('id_hash', '=', idHash).execute()
  }

  /** Sessions of links that expired (or were revoked) before `cutoff`: none opens anything again. */
  async forgetSessionsOfLinksExpiredBefore(cutoff: string): Promise<void> {
    await this.db
      .deleteFrom('review_sessions')
      .where(
        'link_id',
        'in',
        this.db
          .selectFrom('review_links')
          .select('id')
          .where((eb) => eb.or([eb('expires_at', '<', cutoff), eb('revoked_at', '<', cutoff)])),
      )
      .execute()
  }
}
