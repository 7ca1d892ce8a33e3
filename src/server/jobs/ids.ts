import { randomBytes } from 'node:crypto'

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'

export function randomId(length: number): string {
  const bytes = randomBytes(length)
  let id = ''
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length]
  return id
}

export const newJobId = (): string => `job_${randomId(20)}`
export const newNoteId = (): string => `note_${randomId(20)}`
export const newReelId = (): string => `reel_${randomId(20)}`
