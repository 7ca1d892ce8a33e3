import { createHash, randomBytes, scrypt, type ScryptOptions } from 'node:crypto'
import { sameSecret } from '../../lib/same-secret'

/** 32 random bytes: 256 bits, written as 43 characters of base64url (the `/r/<token>` part). */
export function newLinkToken(): string {
  return randomBytes(32).toString('base64url')
}

/**
 * The only form in which a link's token (or a reviewer's session cookie) is stored. A plain
 * SHA-256 is enough: the token is 256 random bits, so there is nothing to guess or look up.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url')
}

export const isLinkToken = (value: string) => /^[A-Za-z0-9_-]{43}$/.test(value)

// 32 MiB and one pass (N=2^15, r=8, p=1): slow to guess offline, light enough that a few checks
// at once do not starve a small studio machine. A passphrase guards a link whose 256-bit token
// has already leaked, and wrong guesses online are rate-limited before this runs.
const COST = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }
const KEY_BYTES = 32

function derive(passphrase: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  )
}

/** `scrypt$N$r$p$salt$key`: the settings travel with the hash, so they can be raised later. */
export async function hashPassphrase(passphrase: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(passphrase, salt, COST)
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

/** Whether `passphrase` is the one hashed in `stored`, compared in constant time. */
export async function passphraseMatches(passphrase: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !key) return false
  const derived = await derive(passphrase, Buffer.from(salt, 'base64url'), {
    N: Number(N),
    r: Number(r),
    p: Number(p),
    maxmem: COST.maxmem,
  })
  return sameSecret(derived.toString('base64url'), key)
}
