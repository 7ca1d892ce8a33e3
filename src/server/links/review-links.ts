import { ApiError } from '../../contract/errors'
import type { SignInConfig } from '../config'
import { presentReel } from '../reels/present'
import type { ReelService } from '../reels/reel-service'
import { SignInLimiter } from '../security/sign-in-limits'
import type { RequestReview } from '../security/review-scope'
import type { LinkRepository } from './link-repository'
import { LinkService, type LinkServiceDeps, type SharedReel } from './link-service'

/** Everything review links need in buildApp: the links, and the limit on passphrase guesses. */
export interface ReviewLinks {
  service: LinkService
  limiter: SignInLimiter
  take: LinkServiceDeps['take']
  /** The link's reel as GET /api/reels presents it (empty for a link that shares takes). */
  listReels: (review: RequestReview) => Promise<unknown[]>
}

export function createReviewLinks(options: {
  repo: LinkRepository
  take: LinkServiceDeps['take']
  reel?: LinkServiceDeps['reel']
  listReels?: ReviewLinks['listReels']
  limits: SignInConfig
  now: () => Date
}): ReviewLinks {
  const { repo, take, limits, now } = options
  return {
    service: new LinkService({ repo, take, reel: options.reel ?? (() => Promise.resolve(null)), now }),
    limiter: new SignInLimiter(limits, () => now().getTime()),
    take,
    listReels: options.listReels ?? (() => Promise.resolve([])),
  }
}

/** A link's view of the studio's reels: the reel's takes now, and its film only while it matches them. */
export function reelsForLinks(reels: ReelService): Pick<Required<Parameters<typeof createReviewLinks>[0]>, 'reel' | 'listReels'> {
  const find = (id: string) =>
    reels.get(id).catch((error: unknown) => {
      if (error instanceof ApiError && error.code === 'not_found') return null
      throw error
    })
  return {
    async reel(id): Promise<SharedReel | null> {
      const record = await find(id)
      if (!record) return null
      const shown = presentReel(record)
      // A film made before the reel last changed may hold shots the link no longer shares.
      const video = shown.export && !shown.export.stale ? shown.export.video : null
      return { id: record.id, name: record.name, jobIds: record.jobIds, video }
    },
    async listReels(review) {
      const record = review.reel && (await find(review.reel.id))
      return record ? [presentReel(record)] : []
    },
  }
}
