import { describe, expect, it } from 'vitest'
import { z } from './zod'

/**
 * zod/mini loads no locale: without src/lib/zod.ts a check with no words of its own says only
 * "Invalid input". Node code (the 400 replies, configuration errors) keeps zod's English; the
 * setting is the process's, so the contract's schemas answer in it too.
 */
describe('zod in Node', () => {
  it("words a check that has no message of its own in zod's English", () => {
    const limit = z.coerce.number().check(z.int(), z.gte(1), z.lte(100))
    expect(limit.safeParse('0').error?.issues[0]?.message).toBe('Too small: expected number to be >=1')
    expect(z.string().safeParse(1).error?.issues[0]?.message).toBe(
      'Invalid input: expected string, received number',
    )
  })

  it('keeps the words a check gives itself', () => {
    const prompt = z.string().check(z.trim(), z.minLength(1, 'Write a prompt'))
    expect(prompt.safeParse('  ').error?.issues[0]?.message).toBe('Write a prompt')
  })
})
