import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { http, HttpResponse, passthrough } from 'msw'
import { setupServer } from 'msw/node'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { jobSchema, type Job } from '../../contract/job'
import { startSimulator, type RunningSimulator } from '../../simulator/server'
import { distinctiveKey, expectNoKey, maskedKey } from '../testing/key-telltales'
import { captureLogs, type CapturedLogs } from '../testing/log-capture'
import { multipartBody } from '../testing/multipart'
import { seedJob } from '../testing/seed-job'
import { isDone, startTestStudio, type TestStudio } from '../testing/test-studio'
import { listFiles } from '../testing/vault-snapshot'

/**
 * The provider key never leaves the server: a studio holding a distinctive key is driven through
 * every /api route, good requests and bad, provider refusals and a wrong key the provider echoes
 * back masked; then every reply (status, headers, body), every log line, every file the studio
 * wrote, are searched for the key and any piece of it. (The web bundle: key-in-bundle.test.ts.)
 */

const KEY = distinctiveKey('SECRET')
const WRONG_KEY = distinctiveKey('WRONG')
const TOKEN = `studio-token-${distinctiveKey('TOKEN').slice(-24)}`
const settings = { model: 'sora-2', size: '720x1280', seconds: '4' }
const noKey = (haystack: string, where: string) => expectNoKey([KEY, WRONG_KEY], haystack, where)

interface Seen {
  what: string
  text: string
}
const replies: Seen[] = []
const logs: CapturedLogs[] = []
const consoleOutput: string[] = []
const dataDirs: string[] = []
const cleanups: (() => Promise<void> | void)[] = []

let simulator: RunningSimulator
let simDir: string

async function call(
  studio: TestStudio,
  request: {
    method?: 'GET' | 'POST' | 'DELETE'
    url: string
    payload?: Buffer | string
    headers?: Record<string, string>
  },
) {
  const reply = await studio.app.inject({
    method: request.method ?? 'GET',
    url: request.url,
    ...(request.payload === undefined ? {} : { payload: request.payload }),
    headers: { authorization: `Bearer ${TOKEN}`, ...request.headers },
  })
  const what = `${request.method ?? 'GET'} ${request.url} → ${reply.statusCode}`
  replies.push({
    what,
    text: `${reply.statusCode} ${reply.statusMessage}\n${JSON.stringify(reply.headers)}\n${reply.rawPayload.toString('latin1')}`,
  })
  return reply
}

async function studioWith(apiKey: string): Promise<TestStudio> {
  const captured = captureLogs()
  logs.push(captured)
  const studio = await startTestStudio({
    upstream: { baseURL: simulator.baseURL, apiKey, keyName: 'DAILIES_UPSTREAM_KEY' },
    overrides: { logStream: captured.stream },
    // No grace period: a deleted take is purged, provider copy included, while the test watches.
    config: { logLevel: 'trace', token: TOKEN, deleteGraceS: 0 },
  })
  dataDirs.push(studio.dataDir)
  cleanups.push(() => studio.close())
  return studio
}

async function create(
  studio: TestStudio,
  prompt: string,
  file?: Parameters<typeof multipartBody>[1],
): Promise<Job> {
  const reply = await call(studio, {
    method: 'POST',
    url: '/api/jobs',
    ...multipartBody({ prompt, ...settings }, file),
  })
  expect(reply.statusCode, reply.body).toBe(201)
  return jobSchema.parse(reply.json())
}

beforeAll(async () => {
  simDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-keysim-'))
  simulator = await startSimulator({ dataDir: simDir, timeScale: 0, apiKey: KEY })
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleOutput.push(
        args
          .map((a) => (a instanceof Error ? `${a.stack} ${String(a.cause)}` : String(a)))
          .join(' '),
      )
    })
  }
})

/**
 * Gateways that echo what they were sent: the simulator cannot, so msw answers a create whose
 * prompt asks for it with the key in the error message, masked (403) or whole (400).
 */
const echoes = setupServer()
function echoKeyOnCreate(): void {
  echoes.use(
    http.post(`${simulator.baseURL}/videos`, async ({ request }) => {
      const value = (await request.clone().formData()).get('prompt')
      const prompt = typeof value === 'string' ? value : ''
      const sent = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? ''
      const refuse = (status: number, message: string) =>
        HttpResponse.json(
          { error: { message, type: 'invalid_request_error', param: null, code: null } },
          { status },
        )
      if (prompt.includes('[echo:403]'))
        return refuse(403, `Project key ${maskedKey(sent)} has no access to sora-2.`)
      if (prompt.includes('[echo:400]'))
        return refuse(400, `Malformed header: Authorization: Bearer ${sent}`)
      return passthrough()
    }),
  )
}

afterAll(async () => {
  echoes.close()
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  await simulator.close()
  fs.rmSync(simDir, { recursive: true, force: true })
  vi.restoreAllMocks()
})

describe('the provider key', () => {
  it('is in no reply, log line or stored file, whatever is asked, and whatever the provider says', async () => {
    // The threat is real: the provider echoes a refused key, masked, in its error body.
    const echoed = await fetch(`${simulator.baseURL}/videos`, {
      headers: { authorization: `Bearer ${WRONG_KEY}` },
    })
    expect(echoed.status).toBe(401)
    expect(await echoed.text()).toContain(maskedKey(WRONG_KEY))

    const studio = await studioWith(KEY)
    const image = await sharp({
      create: { width: 300, height: 500, channels: 3, background: '#884422' },
    })
      .png()
      .toBuffer()

    // Reads that need no job, good and bad, signed in and not.
    for (const url of [
      '/api/health',
      '/api/capabilities',
      '/api/jobs',
      '/api/jobs?status=completed&q=lantern&limit=5',
      '/api/jobs?limit=0',
      '/api/jobs?cursor=%00%00',
      '/api/jobs/job_unknown00000',
      '/api/jobs/not-an-id/video',
      '/api/nothing-here',
      '/',
      '/signin',
      '/signin.css',
      '/some/page',
    ]) {
      await call(studio, { url })
    }
    const anonymous = await call(studio, { url: '/api/jobs', headers: { authorization: '' } })
    expect(anonymous.statusCode).toBe(401)
    await call(studio, {
      method: 'POST',
      url: '/signin',
      payload: 'token=wrong',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })

    // Creates: accepted, refused by us, refused by the provider, failed and lost by the provider.
    const plain = await create(studio, 'a lantern over a night market')
    const withReference = await create(studio, 'the reference, moving', {
      filename: 'photo.png',
      contentType: 'image/png',
      data: image,
    })
    await call(studio, {
      method: 'POST',
      url: '/api/jobs',
      ...multipartBody({ prompt: '', ...settings }),
    })
    await call(studio, {
      method: 'POST',
      url: '/api/jobs',
      payload: '{}',
      headers: { 'content-type': 'application/json' },
    })
    await call(studio, {
      method: 'POST',
      url: '/api/jobs',
      ...multipartBody(
        { prompt: 'x', ...settings },
        { filename: 'x.png', contentType: 'image/png', data: Buffer.from('not an image') },
      ),
    })
    echoes.listen({ onUnhandledRequest: 'bypass' })
    echoKeyOnCreate()
    const refused = await Promise.all(
      ['[sim:500]', '[sim:429]', '[echo:403]', '[echo:400]'].map((t) =>
        create(studio, `refused ${t}`),
      ),
    )
    const doomed = await Promise.all(
      ['[sim:moderation]', '[sim:fail-midway]', '[sim:lost]', '[sim:expire]'].map((t) =>
        create(studio, `doomed ${t}`),
      ),
    )
    // The provider's own words came through (so only redaction kept the key out of them).
    expect(refused[2]?.error?.message).toContain('has no access')
    expect(refused[3]?.error?.message).toContain('Malformed header')
    for (const job of refused) {
      expect(job.status).toBe('failed')
      expect(job.error?.message).toMatch(/provider/i)
    }

    const done = await studio.waitForJob(plain.id, isDone)
    expect(done.status).toBe('completed')
    await studio.waitForJob(withReference.id, isDone)
    for (const job of doomed)
      expect((await studio.waitForJob(job.id, isDone)).status).toBe('failed')

    // Media, every variant and header path.
    for (const asset of ['video', 'thumbnail', 'spritesheet', 'frame', 'bogus']) {
      await call(studio, { url: `/api/jobs/${done.id}/${asset}` })
    }
    await call(studio, { url: `/api/jobs/${withReference.id}/reference?download=1` })
    await call(studio, {
      url: `/api/jobs/${done.id}/video?download=1`,
      headers: { range: 'bytes=0-99' },
    })
    await call(studio, {
      url: `/api/jobs/${done.id}/video`,
      headers: { range: 'bytes=999999999-' },
    })
    await call(studio, { url: `/api/jobs/${doomed[0]?.id}/video` })

    // Remix, retry, delete: accepted and refused.
    const remix = await call(studio, {
      method: 'POST',
      url: `/api/jobs/${done.id}/remix`,
      payload: '{"prompt":"now in the rain"}',
      headers: { 'content-type': 'application/json' },
    })
    expect(remix.statusCode).toBe(201)
    await call(studio, {
      method: 'POST',
      url: `/api/jobs/${done.id}/remix`,
      payload: '{"prompt":""}',
      headers: { 'content-type': 'application/json' },
    })
    await call(studio, {
      method: 'POST',
      url: `/api/jobs/${doomed[0]?.id}/remix`,
      payload: '{"prompt":"x"}',
      headers: { 'content-type': 'application/json' },
    })
    await call(studio, {
      method: 'POST',
      url: `/api/jobs/${done.id}/remix`,
      payload: 'not json',
      headers: { 'content-type': 'application/json' },
    })
    await call(studio, {
      method: 'POST',
      url: `/api/jobs/${done.id}/remix`,
      payload: '{"prompt":"x"}',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
    })
    const remixed = jobSchema.parse(remix.json())
    const retry = await call(studio, { method: 'POST', url: `/api/jobs/${refused[0]?.id}/retry` })
    expect(retry.statusCode).toBe(201)
    await call(studio, { method: 'POST', url: `/api/jobs/${remixed.id}/retry` })
    await studio.waitForJob(remixed.id, isDone)
    await call(studio, { method: 'DELETE', url: `/api/jobs/${withReference.id}` })
    await call(studio, { method: 'DELETE', url: '/api/jobs/job_unknown00000' })
    for (const job of [...refused, ...doomed, done, remixed])
      await call(studio, { url: `/api/jobs/${job.id}` })
    await call(studio, { url: '/api/jobs?limit=100' })

    // A wrong key: the provider refuses every call and echoes the key, masked.
    const wrong = await studioWith(WRONG_KEY)
    const unauthorised = await create(wrong, 'a take the provider will refuse')
    expect(unauthorised).toMatchObject({ status: 'failed', error: { code: 'invalid_api_key' } })
    const polled = await seedJob(wrong.repo, { status: 'in_progress', upstreamId: remixed.upstreamId })
    const archiving = await seedJob(wrong.repo, { status: 'archiving', upstreamId: done.upstreamId })
    const completed = await seedJob(wrong.repo, {
      status: 'completed',
      upstreamId: done.upstreamId,
      progress: 100,
    })
    await wrong.watcher.resume()
    await call(wrong, {
      method: 'POST',
      url: `/api/jobs/${completed.id}/remix`,
      payload: '{"prompt":"x"}',
      headers: { 'content-type': 'application/json' },
    })
    await call(wrong, { method: 'POST', url: `/api/jobs/${unauthorised.id}/retry` })
    await call(wrong, { method: 'DELETE', url: `/api/jobs/${completed.id}` })
    await new Promise((resolve) => setTimeout(resolve, 1500))
    for (const id of [polled.id, archiving.id, unauthorised.id])
      await call(wrong, { url: `/api/jobs/${id}` })
    await call(wrong, { url: '/api/jobs?limit=100' })

    // The logs saw all of it: the search below is over real material.
    const allLogs = logs.map((l) => l.text()).join('\n')
    for (const message of [
      'provider refused the job',
      'upstream trouble, backing off',
      'archive failed, will retry',
      'upstream delete failed',
      'take archived',
    ]) {
      expect(allLogs).toContain(message)
    }
    expect(logs.flatMap((l) => l.entries()).length).toBeGreaterThan(100)
    expect(replies.length).toBeGreaterThan(60)

    for (const reply of replies) noKey(reply.text, `the reply to ${reply.what}`)
    for (const [i, captured] of logs.entries()) noKey(captured.text(), `the log of studio ${i + 1}`)
    noKey(consoleOutput.join('\n'), 'the console')
    // The database, sidecars and media the studios wrote.
    for (const dir of dataDirs) {
      for (const file of listFiles(dir)) {
        noKey(fs.readFileSync(path.join(dir, file)).toString('latin1'), `the data file ${file}`)
      }
    }
  })
})
