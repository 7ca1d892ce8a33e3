import { ApiError } from '../../contract/errors'
import type { CreateReviewFields, ReviewLink, ReviewLinkState, ReviewShare } from '../../contract/links'
import { randomId } from '../jobs/ids'
import type { JobRecord } from '../store/job-record'
import type { LinkRecord, LinkRepository } from './link-repository'
import { hashPassphrase, hashSecret, isLinkToken, newLinkToken } from './link-secrets'

/** A reel as a review link sees it: read when the reviewer opens it, so the link follows edits. */
export interface SharedReel {
  id: string
  name: string
  jobIds: string[]
  /** The exported film's URL, when it has one. */
  video: string | null
}

export interface LinkServiceDeps {
  repo: LinkRepository
  /** The take, or null when there is none (deleted or never was). */
  take: (id: string) => JobRecord | null | Promise<JobRecord | null>
  /** The reel, or null; absent while the studio has no reels. */
  reel: (id: string) => Promise<SharedReel | null>
  now: () => Date
}

/** What a link opens onto right now. */
export interface LinkScope {
  link: LinkRecord
  /** The takes, in play order. */
  jobIds: string[]
  reel: SharedReel | null
}

// A link's last use is written down at most this often, not at every request it makes.
const TOUCH_EVERY_MS = 60_000
const DAY_MS = 86_400_000

export function linkState(link: Pick<LinkRecord, 'expiresAt' | 'revokedAt'>, now: Date): ReviewLinkState {
  if (link.revokedAt) return 'revoked'
  return Date.parse(link.expiresAt) <= now.getTime() ? 'expired' : 'active'
}

/** Creating, listing and revoking links; opening them and the reviewer sessions they start. */
export class LinkService {
  constructor(private readonly deps: LinkServiceDeps) {}

  /** The new link and its token: the one time the token exists outside the reviewer's hands. */
  async create(fields: CreateReviewFields): Promise<{ link: ReviewLink; token: string }> {
    const title = await this.checkShare(fields.share)
    const token = newLinkToken()
    const now = this.deps.now()
    const passphrase = fields.passphrase ? await hashPassphrase(fields.passphrase) : null
    const record = await this.deps.repo.insert({
      id: `rl_${randomId(20)}`,
      tokenHash: hashSecret(token),
      share: fields.share,
      title,
      permission: fields.permission,
      passphraseHash: passphrase,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + fields.expiresInDays * DAY_MS).toISOString(),
    })
    return { link: this.present(record), token }
  }

  async list(): Promise<ReviewLink[]> {
    return (await this.deps.repo.list()).map((link) => this.present(link))
  }

  async revoke(id: string): Promise<void> {
    const link = await this.deps.repo.get(id)
    if (!link) throw new ApiError('not_found', `Review link ${id} does not exist`)
    await this.deps.repo.revoke(id, this.deps.now().toISOString())
  }

  /** The link a `/r/<token>` names, or null for a token that names none. */
  async byToken(token: string): Promise<LinkRecord | null> {
    if (!isLinkToken(token)) return null
    return this.deps.repo.byTokenHash(hashSecret(token))
  }

  state(link: LinkRecord): ReviewLinkState {
    return linkState(link, this.deps.now())
  }

  /** A reviewer session for this browser; the returned value is its cookie, kept nowhere else. */
  async openSession(link: LinkRecord): Promise<string> {
    const cookie = newLinkToken()
    const now = this.deps.now().toISOString()
    await this.deps.repo.openSession(hashSecret(cookie), link.id, now)
    // Sessions of links long over are forgotten; recent ones stay to explain a refusal (410/401).
    await this.deps.repo.forgetSessionsOfLinksExpiredBefore(
      new Date(this.deps.now().getTime() - 30 * DAY_MS).toISOString(),
    )
    await this.deps.repo.touch(link.id, now)
    return cookie
  }

  /** The session a cookie holds, with its link; null when it holds none (or its link was revoked). */
  async session(cookie: string): Promise<{ link: LinkRecord; reviewer: string | null; idHash: string } | null> {
    const idHash = hashSecret(cookie)
    const session = await this.deps.repo.session(idHash)
    if (!session) return null
    const link = await this.deps.repo.get(session.linkId)
    return link ? { link, reviewer: session.reviewerName, idHash } : null
  }

  async nameReviewer(idHash: string, name: string): Promise<void> {
    await this.deps.repo.nameReviewer(idHash, name)
  }

  /** Notes the link was used now, unless that was noted within the last minute. */
  async touch(link: LinkRecord): Promise<void> {
    const now = this.deps.now()
    if (link.lastUsedAt && now.getTime() - Date.parse(link.lastUsedAt) < TOUCH_EVERY_MS) return
    await this.deps.repo.touch(link.id, now.toISOString())
  }

  async scope(link: LinkRecord): Promise<LinkScope> {
    if (link.share.kind === 'takes') return { link, jobIds: link.share.jobIds, reel: null }
    const reel = await this.deps.reel(link.share.reelId)
    return { link, jobIds: reel?.jobIds ?? [], reel }
  }

  present(link: LinkRecord): ReviewLink {
    return {
      id: link.id,
      share: link.share,
      title: link.title,
      permission: link.permission,
      hasPassphrase: link.passphraseHash !== null,
      state: this.state(link),
      createdAt: link.createdAt,
      expiresAt: link.expiresAt,
      revokedAt: link.revokedAt,
      lastUsedAt: link.lastUsedAt,
    }
  }

  /** Only finished takes (or an existing reel) can be shared; the reply names what is wrong. */
  private async checkShare(share: ReviewShare): Promise<string> {
    if (share.kind === 'reel') {
      const reel = await this.deps.reel(share.reelId)
      if (!reel) throw new ApiError('not_found', `Reel ${share.reelId} does not exist`, 'share.reelId')
      return reel.name
    }
    for (const id of share.jobIds) {
      const take = await this.deps.take(id)
      if (!take) throw new ApiError('not_found', `Job ${id} does not exist`, 'share.jobIds')
      if (take.status !== 'completed')
        throw new ApiError('conflict', `Take ${id} is not finished: only finished takes can be shared`, 'share.jobIds')
    }
    return share.jobIds.length === 1 ? '1 take' : `${share.jobIds.length} takes`
  }
}
