import { randomBytes } from 'node:crypto'
import { expect } from 'vitest'

/** A key no other text would hold by chance: `sk-test-DAILIES-<label>-<24 random characters>`. */
export function distinctiveKey(label: string): string {
  return `sk-test-DAILIES-${label}-${randomBytes(18).toString('base64url').replace(/[-_]/g, 'x')}`
}

/** How the simulator (like OpenAI) echoes a key it refuses: `sk-***` and the last four characters. */
export const maskedKey = (key: string) => `${key.slice(0, 3)}***${key.slice(-4)}`

/** Every telltale of a key: itself, its masked echo, base64 of it, any 8 characters of its secret. */
export function telltales(key: string): string[] {
  const secretPart = key.split('-').at(-1) ?? key
  const windows = Array.from({ length: secretPart.length - 7 }, (_, i) =>
    secretPart.slice(i, i + 8),
  )
  return [key, maskedKey(key), Buffer.from(key).toString('base64'), `Bearer ${key}`, ...windows]
}

/** Fails, showing where, when `haystack` holds any telltale of any of `keys`. */
export function expectNoKey(keys: string[], haystack: string, where: string): void {
  for (const needle of keys.flatMap(telltales)) {
    const at = haystack.indexOf(needle)
    if (at < 0) continue
    const context = haystack.slice(Math.max(0, at - 200), at + needle.length + 200)
    expect.fail(`${where} contains "${needle}" (part of a key):\n…${context}…`)
  }
}
