import { z } from 'zod/mini'

/** What became of one try at the studio token, or one sign-out. */
/** The name asked for at sign-in, put on every take the session starts. */
export const AUTHOR_NAME_MAX = 60
export const authorNameSchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'Say who you are'),
    z.maxLength(AUTHOR_NAME_MAX, `A name is at most ${AUTHOR_NAME_MAX} characters`),
  )

export const signInOutcomeSchema = z.enum([
  'signed_in',
  /** The sign-in page was sent a wrong token. */
  'wrong_token',
  /** An API client sent a wrong `Authorization: Bearer` token. */
  'wrong_bearer',
  'signed_out',
  'signed_out_everywhere',
])
export type SignInOutcome = z.infer<typeof signInOutcomeSchema>

/** One line of the sign-in log. It never holds the token, right or wrong. */
export const signInEntrySchema = z.object({
  at: z.iso.datetime(),
  address: z.string(),
  outcome: signInOutcomeSchema,
  userAgent: z.string(),
})
export type SignInEntry = z.infer<typeof signInEntrySchema>

/** GET /api/session: whether the studio asks for a token, and its latest sign-ins, newest first. */
export const sessionInfoSchema = z.object({
  protected: z.boolean(),
  /** A session ends after this many days without use; null when the studio asks for no token. */
  sessionDays: z.nullable(z.number()),
  signIns: z.array(signInEntrySchema),
  /** The name this browser signed in with; null without a token (or a session opened before names). */
  name: z.nullable(z.string()),
})
export type SessionInfo = z.infer<typeof sessionInfoSchema>
