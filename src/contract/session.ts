import { z } from 'zod'

/** What became of one try at the studio token, or one sign-out. */
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
  sessionDays: z.number().nullable(),
  signIns: z.array(signInEntrySchema),
})
export type SessionInfo = z.infer<typeof sessionInfoSchema>
