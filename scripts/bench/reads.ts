import { spawnChild } from './child'
import { alternate, cannon, combine, p95, type CannonResult } from './cannon'
import type { JsonBaselineData } from './baseline-child'
import type { Bench } from './context'
import { randomBytes } from 'node:crypto'
import { completedRecord, openStore } from './seed'
import { median } from './stats'
import type { StudioChildConfig } from './studio-child'
import { fixed, row } from './table'

const JOBS = 10_000
const SAMPLE = 100
const WARM_SECONDS = 2
const RUN_SECONDS = 2
/**
 * Bare and studio in turn, this many times each; the ratio is the median pair's. On a 2-core VM,
 * where the load generator shares the cores, one 2-second pair of the same code ranged 0.61–1.01
 * and the median of three 0.63–0.74 over six runs (2 Dec 2026); seven pairs narrow it.
 */
const ROUNDS = 7

/** 4. BFF reads: the real studio against a bare Fastify answering the same JSON from memory. */
export const benchReads: Bench = async (ctx) => {
  const dataDir = ctx.tempDir('reads')
  const store = await openStore(dataDir)
  const started = Date.now()
  await store.transaction(async (repo) => {
    for (let i = 1; i <= JOBS; i++) {
      const failed = i % 10 === 0
      await repo.insert(
        completedRecord(i, {
          ...(failed
            ? {
                status: 'failed',
                progress: 35,
                completedAt: null,
                error: {
                  code: 'moderation_blocked',
                  kind: 'moderation',
                  message: 'Your request was blocked by our moderation system.',
                },
                hasThumbnail: false,
                hasSpritesheet: false,
                costUsd: 0,
              }
            : {}),
          ...(i % 7 === 0 ? { reference: { hash: 'f'.repeat(64), width: 720, height: 1280 } } : {}),
        }),
      )
    }
  })
  await store.close()
  ctx.log(`reads: ${JOBS} jobs seeded in ${Date.now() - started} ms`)

  const studio = await spawnChild('studio-child.ts', { dataDir } satisfies StudioChildConfig)
  ctx.defer(() => studio.close())
  const bare = await spawnChild('baseline-child.ts', { mode: 'json' })
  ctx.defer(() => bare.close())
  const studioOrigin = `http://127.0.0.1:${await studio.call<number>('port')}`
  const bareOrigin = `http://127.0.0.1:${await bare.call<number>('port')}`

  // The same bodies from both: the baseline serves what the studio answered.
  const ids = Array.from({ length: SAMPLE }, (_, k) => completedRecord(1 + k * (JOBS / SAMPLE)).id)
  const data: JsonBaselineData = { jobs: {}, list: null }
  for (const id of ids) data.jobs[id] = await (await fetch(`${studioOrigin}/api/jobs/${id}`)).json()
  const listPath = '/api/jobs?limit=50'
  data.list = await (await fetch(`${studioOrigin}${listPath}`)).json()
  await bare.call('data', data)
  for (const path of [`/api/jobs/${ids[0] ?? ''}`, listPath]) {
    const [a, b] = await Promise.all(
      [studioOrigin, bareOrigin].map(async (o) => (await fetch(`${o}${path}`)).text()),
    )
    if (a !== b) throw new Error(`the baseline answers ${path} differently from the studio`)
  }

  let next = 0
  const jobPath = () => `/api/jobs/${ids[next++ % ids.length] ?? ''}`
  const list = () => listPath
  /** Warm-up for both (the JIT), then bare and studio in turn; the ratio is the median pair's. */
  const measure = async (path: () => string, origin = studioOrigin, headers: Record<string, string> = {}) => {
    await cannon(bareOrigin, path, WARM_SECONDS)
    await cannon(origin, path, WARM_SECONDS, 10, headers)
    const pairs = await alternate(
      ROUNDS,
      () => cannon(bareOrigin, path, RUN_SECONDS),
      () => cannon(origin, path, RUN_SECONDS, 10, headers),
    )
    const bareAll = combine(pairs.map(([b]) => b))
    const studioAll = combine(pairs.map(([, s]) => s))
    const failures = bareAll.failures + studioAll.failures
    if (failures > 0) throw new Error(`${failures} requests failed or answered non-2xx`)
    return {
      bare: bareAll,
      studio: studioAll,
      ratio: median(pairs.map(([b, s]: [CannonResult, CannonResult]) => s.rps / b.rps)),
    }
  }
  ctx.log('reads: GET /api/jobs/:id, studio vs bare Fastify')
  const job = await measure(jobPath)
  ctx.log('reads: GET /api/jobs?limit=50, studio vs bare Fastify')
  const listed = await measure(list)

  // The same read on a studio with a token (a replica on the same file), by a signed-in browser.
  const token = randomBytes(32).toString('base64url')
  const guarded = await spawnChild('studio-child.ts', { dataDir, token } satisfies StudioChildConfig)
  ctx.defer(() => guarded.close())
  const guardedOrigin = `http://127.0.0.1:${await guarded.call<number>('port')}`
  const signedIn = await fetch(`${guardedOrigin}/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ name: 'Bench', token }).toString(),
    redirect: 'manual',
  })
  const cookie = /dailies_session=[^;]+/.exec(signedIn.headers.get('set-cookie') ?? '')?.[0]
  if (!cookie) throw new Error(`signing in to the studio failed (${signedIn.status})`)
  ctx.log('reads: GET /api/jobs/:id signed in (session cookie), studio vs bare Fastify')
  const session = await measure(jobPath, guardedOrigin, { cookie })
  const [bareJob, studioJob, bareList, studioList] = [
    job.bare,
    job.studio,
    listed.bare,
    listed.studio,
  ]

  const jobRatio = job.ratio
  const listP95 = p95(studioList)
  const rps = (n: number) => Math.round(n).toLocaleString('en')
  return [
    row(
      '4',
      'GET /api/jobs/:id req/s, studio ÷ bare Fastify',
      `${fixed(jobRatio, 2)} (${rps(studioJob.rps)} ÷ ${rps(bareJob.rps)})`,
      '≥ 0.7',
      jobRatio >= 0.7,
    ),
    row(
      '4',
      'GET /api/jobs?limit=50 p95 latency, 10 conns',
      `${fixed(listP95)} ms (${rps(studioList.rps)} req/s; bare ${fixed(p95(bareList))} ms)`,
      '≤ 10 ms',
      listP95 <= 10,
    ),
    row(
      '4',
      'GET /api/jobs?limit=50 req/s, studio ÷ bare',
      `${fixed(listed.ratio, 2)} (${rps(studioList.rps)} ÷ ${rps(bareList.rps)})`,
      '≥ 0.5',
      listed.ratio >= 0.5,
    ),
    row(
      '4',
      'GET /api/jobs/:id req/s signed in (token set), ÷ bare',
      `${fixed(session.ratio, 2)} (${rps(session.studio.rps)} ÷ ${rps(session.bare.rps)})`,
    ),
    row(
      '4',
      'GET /api/jobs/:id p95 latency, studio / bare',
      `${fixed(p95(studioJob))} / ${fixed(p95(bareJob))} ms`,
    ),
  ]
}
