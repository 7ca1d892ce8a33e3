import { ApiError } from '../../contract/errors'

/** Cursors are opaque to clients; inside, the position of the last item seen. */
export function encodeCursor(seq: number): string {
  return Buffer.from(`s${seq}`).toString('base64url')
}

export function decodeCursor(cursor: string): number {
  const match = /^s(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('latin1'))
  if (!match?.[1]) throw new ApiError('invalid_request', 'The cursor is not one this server gave out', 'cursor')
  return Number(match[1])
}
