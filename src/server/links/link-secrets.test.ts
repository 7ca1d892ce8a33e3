import { describe, expect, it } from 'vitest'
import { hashPassphrase, hashSecret, isLinkToken, newLinkToken, passphraseMatches } from './link-secrets'

describe('link secrets', () => {
  it('makes 256-bit base64url tokens, never the same twice, stored as a hash that is not the token', () => {
    const tokens = Array.from({ length: 50 }, newLinkToken)
    expect(new Set(tokens).size).toBe(50)
    for (const token of tokens) {
      expect(isLinkToken(token)).toBe(true)
      expect(Buffer.from(token, 'base64url')).toHaveLength(32)
      expect(hashSecret(token)).not.toContain(token)
      expect(hashSecret(token)).toBe(hashSecret(token))
    }
  })

  it('keeps a passphrase as a salted scrypt hash and knows it again, and only it', async () => {
    const stored = await hashPassphrase('north by northwest')
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/)
    expect(stored).not.toContain('north')
    expect(await hashPassphrase('north by northwest')).not.toBe(stored)
    expect(await passphraseMatches('north by northwest', stored)).toBe(true)
    expect(await passphraseMatches('north by northeast', stored)).toBe(false)
    expect(await passphraseMatches('', stored)).toBe(false)
    expect(await passphraseMatches('north by northwest', 'plain$text')).toBe(false)
  })
})
