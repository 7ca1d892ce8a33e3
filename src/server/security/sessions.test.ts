import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { sessionInfoSchema } from '../../contract/session'
import { createStudio, type Studio } from '../studio'
import { SESSION_RECHECK_MS } from './session-store'
import {
  fakeClock,
  sessionCookieOf,
  signInClient,
  STRONG_TOKEN,
  TIGHT_LIMITS,
} from '../testing/sign-in-client'
import { testStudioConfig } from '../testing/test-studio'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const DAY = 86_400_000
const OTHER_TOKEN = 'Zp4K-rW8vN1qYh7TcX2mLs9BdG5jFa3EoU6iRkQ0t_w'

/** A studio on `dataDir` (fresh unless given), so a test can stop it and start it again. */
async function start(
  options: {
    dataDir?: string
    token?: string
    clock?: ReturnType<typeof fakeClock>
    trustProxy?: boolean
  } = {},
) {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-sessions-'))
  if (!options.dataDir) cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }))
  const clock = options.clock ?? fakeClock()
  const config = await testStudioConfig(dataDir, {
    token: options.token ?? STRONG_TOKEN,
    rendersPerMinute: 100,
    signIn: TIGHT_LIMITS,
    trustProxy: options.trustProxy ?? false,
  })
  const studio: Studio = await createStudio(config, { now: clock.now })
  let closed = false
  const close = async () => {
    if (closed) return
    closed = true
    await studio.close()
  }
  cleanups.push(close)
  const client = signInClient(studio.app)
  const signIn = async (address = '198.51.100.2') => {
    const cookie = sessionCookieOf(await client.signIn(address, STRONG_TOKEN))
    expect(cookie).not.toBe('')
    return cookie
  }
  const status = async (cookie: string) => (await client.withCookie(cookie)).statusCode
  return { studio, dataDir, clock, client, signIn, status, close }
}

describe('signing out', () => {
  it('ends this browser’s session only: its old cookie is refused, other sessions go on', async () => {
    const { client, signIn, status } = await start()
    const here = await signIn()
    const elsewhere = await signIn('198.51.100.3')
    expect(here).not.toBe(elsewhere)
    expect(await status(here)).toBe(200)

    const out = await client.withCookie(here, 'POST', '/api/session/sign-out')
    expect(out.statusCode).toBe(204)
    expect(String(out.headers['set-cookie'])).toMatch(
      /^dailies_session=;.*Expires=Thu, 01 Jan 1970/,
    )
    expect(await status(here)).toBe(401)
    expect(await status(elsewhere)).toBe(200)
  })

  it('everywhere ends every session, and a sign-in afterwards works', async () => {
    const { client, signIn, status } = await start()
    const cookies = [await signIn(), await signIn('198.51.100.3'), await signIn('2001:db8::5')]
    const out = await client.withCookie(
      cookies[1] ?? '',
      'POST',
      '/api/session/sign-out-everywhere',
    )
    expect(out.statusCode).toBe(204)
    for (const cookie of cookies) expect(await status(cookie)).toBe(401)
    expect(await status(await signIn())).toBe(200)
  })

  it('on another replica sharing the database is refused here within SESSION_RECHECK_MS', async () => {
    const here = await start()
    const there = await start({ dataDir: here.dataDir, clock: here.clock })
    const cookie = await here.signIn()
    const other = await here.signIn('198.51.100.3')
    expect(await there.status(cookie)).toBe(200)
    expect(await there.status(other)).toBe(200)

    expect((await here.client.withCookie(cookie, 'POST', '/api/session/sign-out')).statusCode).toBe(204)
    here.clock.advance(SESSION_RECHECK_MS)
    expect(await there.status(cookie)).toBe(401)
    expect(await there.status(other)).toBe(200)

    const out = await here.client.withCookie(other, 'POST', '/api/session/sign-out-everywhere')
    expect(out.statusCode).toBe(204)
    here.clock.advance(SESSION_RECHECK_MS)
    expect(await there.status(other)).toBe(401)
  })

  it('needs a session or the token, and a request from another site', async () => {
    const { studio, signIn, status } = await start()
    const cookie = await signIn()
    expect(
      (await studio.app.inject({ method: 'POST', url: '/api/session/sign-out-everywhere' }))
        .statusCode,
    ).toBe(401)
    const foreign = await studio.app.inject({
      method: 'POST',
      url: '/api/session/sign-out-everywhere',
      headers: { cookie, origin: 'https://evil.example', host: 'localhost:4400' },
    })
    expect(foreign.statusCode).toBe(403)
    expect(await status(cookie)).toBe(200)
  })
})

describe('a session', () => {
  it('ends 7 days after its last use, and each use moves that forward (and renews the cookie)', async () => {
    const { clock, client, signIn, status } = await start()
    const idle = await signIn()
    const busy = await signIn('198.51.100.3')
    const opened = await client.signIn('198.51.100.4', STRONG_TOKEN)
    expect(String(opened.headers['set-cookie'])).toContain(`Max-Age=${7 * 86_400}`)

    for (let day = 0; day < 10; day++) {
      clock.advance(DAY)
      const reply = await client.withCookie(busy)
      expect(reply.statusCode).toBe(200)
      expect(String(reply.headers['set-cookie'])).toContain(`Max-Age=${7 * 86_400}`)
    }
    expect(await status(idle)).toBe(401)

    clock.advance(7 * DAY - 1000)
    expect(await status(busy)).toBe(200)
    clock.advance(7 * DAY + 1000)
    expect(await status(busy)).toBe(401)
  })

  it('survives a restart, and ends when the studio starts with a new token', async () => {
    const first = await start()
    const cookie = await first.signIn()
    await first.close()

    const again = await start({ dataDir: first.dataDir, clock: first.clock })
    expect(await again.status(cookie)).toBe(200)
    await again.close()

    const rotated = await start({ dataDir: first.dataDir, clock: first.clock, token: OTHER_TOKEN })
    expect(await rotated.status(cookie)).toBe(401)
  })

  it('is a Secure cookie over HTTPS behind a proxy the studio trusts, and only then', async () => {
    const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.9' }
    const trusting = await start({ trustProxy: true })
    const secure = await trusting.client.signIn('127.0.0.1', STRONG_TOKEN, forwarded)
    const setCookie = String(secure.headers['set-cookie'])
    expect(setCookie).toMatch(/; Secure/)
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Strict/)
    expect(setCookie).toMatch(/Path=\//)

    const direct = await start()
    expect(
      String(
        (await direct.client.signIn('127.0.0.1', STRONG_TOKEN, forwarded)).headers['set-cookie'],
      ),
    ).not.toMatch(/Secure/)
  })

  it('is needed to open the studio page: without one, a visit goes to the sign-in page', async () => {
    const { studio, signIn } = await start()
    const visit = (headers: Record<string, string>) =>
      studio.app.inject({
        method: 'GET',
        url: '/',
        headers: { accept: 'text/html,*/*;q=0.8', ...headers },
      })
    const anonymous = await visit({})
    expect(anonymous.statusCode).toBe(303)
    expect(anonymous.headers.location).toBe('/signin')
    expect((await visit({ cookie: 'dailies_session=made-up' })).statusCode).toBe(303)
    expect((await visit({ cookie: await signIn() })).statusCode).not.toBe(303)
    expect(
      (await studio.app.inject({ method: 'GET', url: '/signin', headers: { accept: 'text/html' } }))
        .statusCode,
    ).toBe(200)
    expect(
      (
        await studio.app.inject({
          method: 'GET',
          url: '/assets/app.js',
          headers: { accept: '*/*' },
        })
      ).statusCode,
    ).not.toBe(303)
  })

  it('tells the app the studio is protected and for how long a session lasts', async () => {
    const { client, signIn } = await start()
    const info = sessionInfoSchema.parse(
      (await client.withCookie(await signIn(), 'GET', '/api/session')).json(),
    )
    expect(info).toMatchObject({ protected: true, sessionDays: 7 })
  })
})
