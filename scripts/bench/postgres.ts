import path from 'node:path'
import { copyTables } from '../../src/server/migrate/copy-tables'
import { openStore as openStudioStore } from '../../src/server/store/database'
import { createTestDatabase, startPostgresCluster } from '../../src/server/testing/postgres'
import { alternate, cannon, combine, p95, type CannonResult } from './cannon'
import { spawnChild } from './child'
import type { Bench } from './context'
import { completedRecord, openStore } from './seed'
import { median } from './stats'
import type { StudioChildConfig } from './studio-child'
import { fixed, row } from './table'

const JOBS = 10_000
const SAMPLE = 100
const WARM_SECONDS = 2
const RUN_SECONDS = 2
const ROUNDS = 3

/**
 * 10. Job reads on PostgreSQL against SQLite: two studios on the same 10,000 jobs (the PostgreSQL
 * one filled from the SQLite one by migrate-to-team's copy), measured in turn in the same run.
 */
export const benchPostgres: Bench = async (ctx) => {
  const cluster = await startPostgresCluster()
  ctx.defer(() => cluster.stop())
  const database = await createTestDatabase(cluster.adminUrl)

  const sqliteDir = ctx.tempDir('postgres-sqlite')
  const seeded = await openStore(sqliteDir)
  await seeded.transaction(async (repo) => {
    for (let i = 1; i <= JOBS; i++) {
      await repo.insert(
        completedRecord(i, {
          ...(i % 10 === 0
            ? { status: 'failed', progress: 35, completedAt: null, hasThumbnail: false, costUsd: 0 }
            : {}),
          ...(i % 7 === 0 ? { reference: { hash: 'f'.repeat(64), width: 720, height: 1280 } } : {}),
        }),
      )
    }
  })
  await seeded.close()

  ctx.log(`postgres: copying ${JOBS} jobs into PostgreSQL (migrate-to-team's copy)`)
  const source = await openStudioStore({ sqliteFile: path.join(sqliteDir, 'dailies.db') })
  const target = await openStudioStore({ postgresUrl: database.url })
  const copyStarted = performance.now()
  await copyTables(source, target, { batchSize: 500 })
  const copySeconds = (performance.now() - copyStarted) / 1000
  await Promise.all([source.close(), target.close()])

  const onSqlite = await spawnChild('studio-child.ts', {
    dataDir: sqliteDir,
  } satisfies StudioChildConfig)
  ctx.defer(() => onSqlite.close())
  const onPostgres = await spawnChild('studio-child.ts', {
    dataDir: ctx.tempDir('postgres-studio'),
    databaseUrl: database.url,
  } satisfies StudioChildConfig)
  ctx.defer(() => onPostgres.close())
  const sqliteOrigin = `http://127.0.0.1:${await onSqlite.call<number>('port')}`
  const postgresOrigin = `http://127.0.0.1:${await onPostgres.call<number>('port')}`

  const ids = Array.from({ length: SAMPLE }, (_, k) => completedRecord(1 + k * (JOBS / SAMPLE)).id)
  const listPath = '/api/jobs?limit=50'
  // The same answers from both, or the comparison means nothing.
  for (const url of [`/api/jobs/${ids[3] ?? ''}`, listPath]) {
    const [a, b] = await Promise.all(
      [sqliteOrigin, postgresOrigin].map(async (o) => (await fetch(`${o}${url}`)).text()),
    )
    if (a !== b)
      throw new Error(`the PostgreSQL studio answers ${url} differently from the SQLite one`)
  }

  let next = 0
  const jobPath = () => `/api/jobs/${ids[next++ % ids.length] ?? ''}`
  /** Warm-up for both, then SQLite and PostgreSQL in turn; the ratio is the median pair's. */
  const measure = async (pathFor: () => string) => {
    await cannon(sqliteOrigin, pathFor, WARM_SECONDS)
    await cannon(postgresOrigin, pathFor, WARM_SECONDS)
    const pairs = await alternate(
      ROUNDS,
      () => cannon(sqliteOrigin, pathFor, RUN_SECONDS),
      () => cannon(postgresOrigin, pathFor, RUN_SECONDS),
    )
    const sqlite = combine(pairs.map(([s]) => s))
    const postgres = combine(pairs.map(([, p]) => p))
    if (sqlite.failures + postgres.failures > 0)
      throw new Error(`${sqlite.failures + postgres.failures} requests failed`)
    return {
      sqlite,
      postgres,
      ratio: median(pairs.map(([s, p]: [CannonResult, CannonResult]) => p.rps / s.rps)),
    }
  }
  ctx.log('postgres: GET /api/jobs/:id, PostgreSQL vs SQLite')
  const job = await measure(jobPath)
  ctx.log('postgres: GET /api/jobs?limit=50, PostgreSQL vs SQLite')
  const list = await measure(() => listPath)

  const rps = (n: number) => Math.round(n).toLocaleString('en')
  const rows = (label: string, m: Awaited<ReturnType<typeof measure>>) => [
    row(
      '10',
      `${label} req/s, PostgreSQL ÷ SQLite`,
      `${fixed(m.ratio, 2)} (${rps(m.postgres.rps)} ÷ ${rps(m.sqlite.rps)})`,
      '≥ 0.5',
      m.ratio >= 0.5,
    ),
    row(
      '10',
      `${label} p95 latency, PostgreSQL ÷ SQLite`,
      `${fixed(p95(m.postgres) / p95(m.sqlite), 2)} (${fixed(p95(m.postgres))} ÷ ${fixed(p95(m.sqlite))} ms)`,
      '≤ 2',
      p95(m.postgres) / p95(m.sqlite) <= 2,
    ),
  ]
  return [
    ...rows('GET /api/jobs/:id', job),
    ...rows('GET /api/jobs?limit=50', list),
    row(
      '10',
      `migrate-to-team, database copy of ${rps(JOBS)} jobs into PostgreSQL`,
      `${fixed(copySeconds)} s`,
    ),
  ]
}
