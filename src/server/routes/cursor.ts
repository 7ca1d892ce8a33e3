import { ApiError } from '../../contract/errors'

/** Cursors are opaque to clients; inside, the position of the last item seen. */
export function encodeCursor(seq: number): string {
  return Buffer.from(`s${seq}`).toString('base64url')
}

/** The highest position a job can have: PostgreSQL's serial key is 32-bit (and refuses a larger bound). */
const MAX_SEQ = 2_147_483_647

export function decodeCursor(cursor: string): number {
  const match = /^s(\d{1,10})$/.exec(Buffer.from(cursor, 'base64url').toString('latin1'))
  const seq = Number(match?.[1] ?? NaN)
  if (!(seq <= MAX_SEQ)) throw new ApiError('invalid_request', 'The cursor is not one this server gave out', 'cursor')
  return seq
}
