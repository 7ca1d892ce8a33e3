import { z } from 'zod/mini'
import { jobIdSchema, jobSchema } from './job'
import { reelIdSchema } from './reels'

/**
 * Review links: the owner shares a reel or a set of takes with someone who has no studio token.
 * The link `/r/<token>` is shown once; the studio keeps only a hash of its token. A reviewer's
 * browser reaches the studio's API through `/r/api/…`, where every request is held to the link's
 * takes (src/server/security/review-scope.ts).
 */

export const reviewLinkIdSchema = z.string().check(z.regex(/^rl_[A-Za-z0-9]{10,40}$/, 'Not a review link id'))

/** watch: play and compare. comment: watch, and add notes and verdicts. */
export const REVIEW_PERMISSIONS = ['watch', 'comment'] as const
export const reviewPermissionSchema = z.enum(REVIEW_PERMISSIONS, {
  error: 'A permission is watch or comment',
})
export type ReviewPermission = z.infer<typeof reviewPermissionSchema>
export const REVIEW_PERMISSION_LABELS: Record<ReviewPermission, string> = {
  watch: 'Watch',
  comment: 'Watch, notes and verdicts',
}

export const REVIEW_EXPIRY_DEFAULT_DAYS = 7
export const REVIEW_EXPIRY_MAX_DAYS = 90
export const REVIEW_TAKES_MAX = 50
export const PASSPHRASE_MIN = 6
export const PASSPHRASE_MAX = 200
export const REVIEWER_NAME_MAX = 60

/** What a link shares: one reel (as it is when the reviewer opens it), or some takes. */
export const reviewShareSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('reel'), reelId: reelIdSchema }),
    z.object({
      kind: z.literal('takes'),
      jobIds: z
        .array(jobIdSchema)
        .check(
          z.minLength(1, 'Share at least one take'),
          z.maxLength(REVIEW_TAKES_MAX, `A link shares at most ${REVIEW_TAKES_MAX} takes`),
          z.refine((ids) => new Set(ids).size === ids.length, 'A take is shared only once'),
        ),
    }),
  ],
  { error: 'Share a reel (reelId) or takes (jobIds)' },
)
export type ReviewShare = z.infer<typeof reviewShareSchema>

/** POST /api/reviews. */
export const createReviewRequestSchema = z.object({
  share: reviewShareSchema,
  expiresInDays: z._default(
    z
      .number({ error: 'The expiry is a number of days' })
      .check(
        z.int('The expiry is a whole number of days'),
        z.gte(1, 'A link lasts at least a day'),
        z.lte(REVIEW_EXPIRY_MAX_DAYS, `A link lasts at most ${REVIEW_EXPIRY_MAX_DAYS} days`),
      ),
    REVIEW_EXPIRY_DEFAULT_DAYS,
  ),
  permission: z._default(reviewPermissionSchema, 'watch'),
  /** Asked once per browser before the link opens. Empty or absent: none. */
  passphrase: z.optional(
    z
      .string()
      .check(
        z.maxLength(PASSPHRASE_MAX, `A passphrase is at most ${PASSPHRASE_MAX} characters`),
        z.refine((p) => p === '' || p.length >= PASSPHRASE_MIN, `A passphrase has at least ${PASSPHRASE_MIN} characters`),
      ),
  ),
})
export type CreateReviewRequest = z.input<typeof createReviewRequestSchema>
export type CreateReviewFields = z.output<typeof createReviewRequestSchema>

export const REVIEW_LINK_STATES = ['active', 'expired', 'revoked'] as const
export const reviewLinkStateSchema = z.enum(REVIEW_LINK_STATES)
export type ReviewLinkState = z.infer<typeof reviewLinkStateSchema>

/** A link as the owner's list shows it: never its token. */
export const reviewLinkSchema = z.object({
  id: reviewLinkIdSchema,
  share: reviewShareSchema,
  /** What it shares, in words: the reel's name or "3 takes". */
  title: z.string(),
  permission: reviewPermissionSchema,
  hasPassphrase: z.boolean(),
  state: reviewLinkStateSchema,
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  revokedAt: z.nullable(z.iso.datetime()),
  /** When a reviewer last opened it or used it; null until then. */
  lastUsedAt: z.nullable(z.iso.datetime()),
})
export type ReviewLink = z.infer<typeof reviewLinkSchema>

/** The reply to POST /api/reviews: the only time the link's address is shown. */
export const createdReviewLinkSchema = z.extend(reviewLinkSchema, {
  /** `/r/<token>`, relative to the studio's address. */
  path: z.string().check(z.regex(/^\/r\/[A-Za-z0-9_-]{43}$/)),
})
export type CreatedReviewLink = z.infer<typeof createdReviewLinkSchema>

export const reviewLinkListSchema = z.object({ items: z.array(reviewLinkSchema) })
export type ReviewLinkList = z.infer<typeof reviewLinkListSchema>

/** The reviewer's name, asked once by the reviewer page; notes made through the link carry it. */
export const reviewerNameSchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'Say who you are'),
    z.maxLength(REVIEWER_NAME_MAX, `A name is at most ${REVIEWER_NAME_MAX} characters`),
  )
export const setReviewerRequestSchema = z.object({ name: reviewerNameSchema })
export type SetReviewerRequest = z.infer<typeof setReviewerRequestSchema>

/**
 * GET /r/api/review-link: what the reviewer's link shows. Takes are in play order (a reel's order);
 * their cost, provider ids and lineage are blanked.
 */
export const reviewerViewSchema = z.object({
  permission: reviewPermissionSchema,
  expiresAt: z.iso.datetime(),
  /** The name the reviewer gave, once they gave it. */
  reviewer: z.nullable(z.string()),
  reel: z.nullable(z.object({ id: reelIdSchema, name: z.string(), video: z.nullable(z.string()) })),
  takes: z.array(jobSchema),
})
export type ReviewerView = z.infer<typeof reviewerViewSchema>

/** The prefix under which a reviewer's browser reaches the API. */
export const REVIEW_API_PREFIX = '/r/api'
