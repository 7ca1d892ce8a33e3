import { ERROR_STATUS, type ErrorCode, type ErrorEnvelope } from '../contract/errors'

/** An error the client should see as it is: its code picks the HTTP status. */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }

  get status(): number {
    return ERROR_STATUS[this.code]
  }

  toEnvelope(): ErrorEnvelope {
    return { error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) } }
  }
}

export const notFound = (what: string) => new ApiError('not_found', `${what} does not exist`)
