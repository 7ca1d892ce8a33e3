import { afterEach, describe, expect, it } from 'vitest'
import { errorEnvelopeSchema } from '../../contract/errors'
import type { SignInConfig } from '../config'
import {
  fakeClock,
  sessionCookieOf,
  signInClient,
  STRONG_TOKEN,
  TIGHT_LIMITS,
} from '../testing/sign-in-client'
import { startTestStudio, type TestStudio } from '../testing/test-studio'

let studio: TestStudio | null = null
afterEach(async () => {
  await studio?.close()
  studio = null
})

const WRONG = 'not-the-token-at-all-but-long'

async function start(options: { limits?: SignInConfig; trustProxy?: boolean } = {}) {
  const clock = fakeClock()
  studio = await startTestStudio({
    config: {
      token: STRONG_TOKEN,
      signIn: options.limits ?? TIGHT_LIMITS,
      trustProxy: options.trustProxy ?? false,
    },
    overrides: { now: clock.now },
  })
  return { clock, client: signInClient(studio.app) }
}

function expectTooMany(
  reply: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
  seconds: number,
) {
  expect(reply.statusCode).toBe(429)
  expect(reply.headers['retry-after']).toBe(String(seconds))
  expect(reply.headers['set-cookie']).toBeUndefined()
  const envelope = errorEnvelopeSchema.parse(reply.json())
  expect(envelope.error.code).toBe('rate_limited')
  expect(envelope.error.message).toContain(`Try again in ${seconds} s.`)
}

describe('wrong tokens from one address', () => {
  it('get a few tries, then a wait that doubles up to the ceiling; a right token resets it', async () => {
    const { clock, client } = await start()
    const attacker = '203.0.113.7'
    for (let i = 0; i < 3; i++) {
      const reply = await client.signIn(attacker, WRONG)
      expect(reply.statusCode).toBe(303)
      expect(reply.headers.location).toBe('/signin?error=1')
    }
    // While it waits, even the right token is not looked at.
    expectTooMany(await client.signIn(attacker, STRONG_TOKEN), 1)
    expectTooMany(await client.bearer(attacker, STRONG_TOKEN), 1)

    // The owner elsewhere is not slowed.
    const owner = await client.signIn('198.51.100.2', STRONG_TOKEN)
    expect(owner.statusCode).toBe(303)
    expect(owner.headers.location).toBe('/')
    expect(sessionCookieOf(owner)).not.toBe('')

    for (const wait of [1, 2, 4, 8]) {
      clock.advance(wait * 1000)
      expect((await client.signIn(attacker, WRONG)).statusCode).toBe(303)
      expectTooMany(await client.signIn(attacker, WRONG), Math.min(wait * 2, 8))
    }
    clock.advance(7_000)
    expectTooMany(await client.signIn(attacker, WRONG), 1)

    clock.advance(1_000)
    const success = await client.signIn(attacker, STRONG_TOKEN)
    expect(success.statusCode).toBe(303)
    expect(sessionCookieOf(success)).not.toBe('')
    for (let i = 0; i < 3; i++) expect((await client.signIn(attacker, WRONG)).statusCode).toBe(303)
    expectTooMany(await client.signIn(attacker, WRONG), 1)
  })

  it('count the same through a Bearer header, answered 401, then 429 with the envelope', async () => {
    const { clock, client } = await start()
    const script = '203.0.113.9'
    for (let i = 0; i < 3; i++) {
      const reply = await client.bearer(script, WRONG)
      expect(reply.statusCode).toBe(401)
      expect(errorEnvelopeSchema.parse(reply.json()).error.code).toBe('unauthorized')
    }
    expectTooMany(await client.bearer(script, WRONG), 1)
    expectTooMany(await client.signIn(script, WRONG), 1)
    clock.advance(1_000)
    expect((await client.bearer(script, STRONG_TOKEN)).statusCode).toBe(200)
    expect((await client.bearer(script, WRONG)).statusCode).toBe(401)
  })

  it('show a browser the sign-in page with the wait, still as a 429', async () => {
    const { client } = await start()
    for (let i = 0; i < 3; i++) await client.signIn('203.0.113.7', WRONG)
    const page = await client.signIn('203.0.113.7', WRONG, {
      accept: 'text/html,application/xhtml+xml',
    })
    expect(page.statusCode).toBe(429)
    expect(page.headers['retry-after']).toBe('1')
    expect(page.headers['content-type']).toMatch(/^text\/html/)
    expect(page.body).toContain(
      '<p role="alert">Too many wrong tokens from your address. Try again in 1 s.</p>',
    )
    expect(page.body).toContain('Studio token')
  })

  it('count a whole IPv6 /64 as one client, and ignore X-Forwarded-For from a proxy it does not trust', async () => {
    const { client } = await start()
    for (const host of ['1', '2', '3']) await client.signIn(`2001:db8:7:1::${host}`, WRONG)
    expectTooMany(await client.signIn('2001:db8:7:1:ffff::9', STRONG_TOKEN), 1)
    expect((await client.signIn('2001:db8:7:2::1', STRONG_TOKEN)).statusCode).toBe(303)

    for (const forwarded of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) {
      await client.signIn('203.0.113.50', WRONG, { 'x-forwarded-for': forwarded })
    }
    expectTooMany(await client.signIn('203.0.113.50', WRONG, { 'x-forwarded-for': '10.0.0.4' }), 1)
  })

  it('count each forwarded client apart behind a proxy it trusts', async () => {
    const { client } = await start({ trustProxy: true })
    const viaProxy = (client: string, token: string) => ({
      token,
      headers: { 'x-forwarded-for': client },
    })
    for (let i = 0; i < 3; i++) {
      const { token, headers } = viaProxy('198.51.100.66', WRONG)
      await client.signIn('127.0.0.1', token, headers)
    }
    const { token, headers } = viaProxy('198.51.100.66', WRONG)
    expectTooMany(await client.signIn('127.0.0.1', token, headers), 1)
    const other = viaProxy('198.51.100.67', STRONG_TOKEN)
    expect((await client.signIn('127.0.0.1', other.token, other.headers)).statusCode).toBe(303)
  })
})

describe('wrong tokens from many addresses', () => {
  it('past the hourly ceiling make unknown addresses wait, while a known one still gets in', async () => {
    const { clock, client } = await start()
    expect((await client.signIn('198.51.100.2', STRONG_TOKEN)).statusCode).toBe(303)
    for (let i = 0; i < 10; i++) {
      expect((await client.signIn(`203.0.113.${i + 1}`, WRONG)).statusCode).toBe(303)
      clock.advance(60_000)
    }
    // Ten wrong tokens in the last hour, the first of them 10 minutes ago.
    const fresh = await client.signIn('203.0.113.200', STRONG_TOKEN)
    expect(fresh.statusCode).toBe(429)
    expect(fresh.headers['retry-after']).toBe(String(50 * 60))
    expect(errorEnvelopeSchema.parse(fresh.json()).error.message).toBe(
      'Too many wrong tokens from many addresses. Try again in 3000 s.',
    )
    expectTooMany(await client.bearer('203.0.113.201', STRONG_TOKEN), 3000)

    const owner = await client.signIn('198.51.100.2', STRONG_TOKEN)
    expect(owner.statusCode).toBe(303)
    expect(sessionCookieOf(owner)).not.toBe('')

    clock.advance(50 * 60_000)
    expect((await client.signIn('203.0.113.200', STRONG_TOKEN)).statusCode).toBe(303)
  })
})
