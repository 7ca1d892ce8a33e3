import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { sessionInfoSchema, type SignInEntry } from '../../contract/session'
import { distinctiveKey, expectNoKey } from '../testing/key-telltales'
import { captureLogs } from '../testing/log-capture'
import { fakeClock, sessionCookieOf, signInClient, TIGHT_LIMITS } from '../testing/sign-in-client'
import { startTestStudio, type TestStudio } from '../testing/test-studio'
import { storedDatabaseText } from '../testing/test-database'
import { listFiles } from '../testing/vault-snapshot'

let studio: TestStudio | null = null
afterEach(async () => {
  await studio?.close()
  studio = null
})

const TOKEN = distinctiveKey('TOKEN')
const WRONG = [distinctiveKey('WRONG1'), distinctiveKey('WRONG2'), distinctiveKey('WRONG3')]
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0'

describe('the sign-in log', () => {
  it('shows a signed-in user time, address, outcome and browser of each try, newest first', async () => {
    const clock = fakeClock('2026-12-01T10:00:00Z')
    studio = await startTestStudio({
      config: { token: TOKEN, signIn: TIGHT_LIMITS },
      overrides: { now: clock.now },
    })
    const client = signInClient(studio.app)
    await client.signIn('203.0.113.7', WRONG[0] ?? '', { 'user-agent': 'curl/8.5.0' })
    clock.advance(1000)
    await client.bearer('203.0.113.8', WRONG[1] ?? '')
    clock.advance(1000)
    const cookie = sessionCookieOf(
      await client.signIn('198.51.100.2', TOKEN, { 'user-agent': FIREFOX }),
    )
    clock.advance(1000)
    // Refused while waiting: never compared, so not a try of its own.
    for (let i = 0; i < 4; i++) await client.signIn('203.0.113.9', WRONG[2] ?? '')

    expect((await studio.app.inject({ method: 'GET', url: '/api/session' })).statusCode).toBe(401)
    const info = sessionInfoSchema.parse(
      (await client.withCookie(cookie, 'GET', '/api/session')).json(),
    )
    const wrongAt9: SignInEntry = {
      at: '2026-12-01T10:00:03.000Z',
      address: '203.0.113.9',
      outcome: 'wrong_token',
      userAgent: 'lightMyRequest',
    }
    expect(info.signIns).toEqual([
      wrongAt9,
      wrongAt9,
      wrongAt9,
      {
        at: '2026-12-01T10:00:02.000Z',
        address: '198.51.100.2',
        outcome: 'signed_in',
        userAgent: FIREFOX,
      },
      {
        at: '2026-12-01T10:00:01.000Z',
        address: '203.0.113.8',
        outcome: 'wrong_bearer',
        userAgent: 'lightMyRequest',
      },
      {
        at: '2026-12-01T10:00:00.000Z',
        address: '203.0.113.7',
        outcome: 'wrong_token',
        userAgent: 'curl/8.5.0',
      },
    ])

    await client.withCookie(cookie, 'POST', '/api/session/sign-out')
    const after = await client.bearer('198.51.100.2', TOKEN)
    expect(after.statusCode).toBe(200)
    const latest = sessionInfoSchema.parse(
      (
        await studio.app.inject({
          method: 'GET',
          url: '/api/session',
          headers: { authorization: `Bearer ${TOKEN}` },
        })
      ).json(),
    ).signIns[0]
    expect(latest).toMatchObject({ outcome: 'signed_out', address: '127.0.0.1' })
  })

  it('never holds a token, right or wrong, nor does any log line, reply or file of the studio', async () => {
    const logs = captureLogs()
    studio = await startTestStudio({
      config: { token: TOKEN, signIn: TIGHT_LIMITS, logLevel: 'trace' },
      overrides: { logStream: logs.stream },
    })
    const client = signInClient(studio.app)
    const replies: string[] = []
    const keep = (reply: Awaited<ReturnType<typeof client.bearer>>) => {
      replies.push(`${reply.statusCode} ${JSON.stringify(reply.headers)} ${reply.body}`)
      return reply
    }
    for (const wrong of WRONG) keep(await client.signIn('203.0.113.7', wrong))
    keep(await client.signIn('203.0.113.7', TOKEN))
    keep(await client.signIn('203.0.113.7', WRONG[0] ?? '', { accept: 'text/html' }))
    for (const wrong of WRONG) keep(await client.bearer('203.0.113.8', wrong))
    keep(await client.bearer('203.0.113.8', TOKEN))
    const signedIn = keep(await client.signIn('198.51.100.2', TOKEN))
    const cookie = sessionCookieOf(signedIn)
    keep(await client.bearer('198.51.100.3', TOKEN))
    keep(await client.withCookie(cookie, 'GET', '/api/session'))
    keep(await client.withCookie(cookie, 'POST', '/api/session/sign-out-everywhere'))
    keep(await client.withCookie(cookie, 'GET', '/api/session'))
    keep(
      await studio.app.inject({
        method: 'POST',
        url: '/signin',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `token=${TOKEN}&extra=${WRONG[0] ?? ''}`,
      }),
    )

    const info = (
      await studio.app.inject({
        method: 'GET',
        url: '/api/session',
        headers: { authorization: `Bearer ${TOKEN}` },
      })
    ).body
    expect(info).toContain('wrong_bearer')
    expect(info).toContain('signed_out_everywhere')
    const secrets = [TOKEN, ...WRONG]
    expectNoKey(secrets, info, 'the sign-in log')
    // The log saw every request (so the search below is over real material).
    const lines = logs.text()
    expect(
      logs.entries().filter((entry) => entry.msg === 'request completed').length,
    ).toBeGreaterThanOrEqual(replies.length)
    const warnings = logs.entries().filter((entry) => String(entry.msg).startsWith('wrong studio token'))
    expect(warnings.map((entry) => entry.address)).toContain('203.0.113.8')
    expectNoKey(secrets, lines, 'the log')
    expect(lines).not.toContain(cookie.split('=')[1])
    for (const reply of replies) expectNoKey(secrets, reply, 'a reply')
    expectNoKey(secrets, await storedDatabaseText(studio), 'the database')
    const files = listFiles(studio.dataDir)
    for (const file of files) {
      expectNoKey(
        secrets,
        fs.readFileSync(path.join(studio.dataDir, file)).toString('latin1'),
        file,
      )
    }
  })
})
