import fs from 'node:fs'
import { jobListSchema } from '../../contract/api'
import { jobSchema, type Job } from '../../contract/job'
import { JOB_STATUSES, isTerminal } from '../../contract/job-status'
import type { StudioOverrides } from '../studio'
import type { Upstream } from '../upstream/types'
import { multipartBody } from './multipart'
import { startTestStudio, type TestStudio } from './test-studio'
import { folderVault } from './vault-snapshot'

/**
 * N renders started at once against the simulator in fast mode, while B browsers poll their jobs
 * and the gallery as the web app does. Shared by the load test (a CI-sized run) and
 * scripts/bench/load.ts (the full 100 jobs).
 */
export interface LoadOptions {
  jobs: number
  browsers: number
  /** A browser's wait between polls (jittered ±50 %); the web app waits 0.5–2 s. */
  pollMs?: number
  timeoutMs?: number
}

export interface LoadReport {
  elapsedMs: number
  jobs: Job[]
  /** Creates the studio sent to the provider. */
  upstreamCreates: number
  /** Video ids the provider holds at the end, read through its list endpoint. */
  upstreamVideos: string[]
  browserPolls: number
  /** Everything that broke a promise; empty when the run is clean. */
  problems: string[]
}

const RANK = new Map(JOB_STATUSES.map((status, i) => [status, i]))
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Counts creates and keeps the real adapter for listing the provider's videos. */
function countingUpstream() {
  const state = { creates: 0, real: null as Upstream | null }
  const wrap: StudioOverrides['wrapUpstream'] = (upstream) => {
    state.real = upstream
    return {
      ...upstream,
      create: (input, signal) => {
        state.creates += 1
        return upstream.create(input, signal)
      },
    }
  }
  return { state, wrap }
}

async function listUpstream(upstream: Upstream): Promise<string[]> {
  const ids: string[] = []
  let after: string | undefined
  for (;;) {
    const page = await upstream.list({ limit: 100, order: 'asc', ...(after ? { after } : {}) })
    ids.push(...page.data.map((video) => video.id))
    if (!page.hasMore || !page.lastId) return ids
    after = page.lastId
  }
}

/** One simulated tab: polls its own jobs and, now and then, the gallery, until every job is done. */
async function browser(
  studio: TestStudio,
  mine: string[],
  everyoneDone: () => boolean,
  pollMs: number,
  problems: string[],
): Promise<number> {
  let polls = 0
  const seen = new Map<string, Job>()
  for (let round = 0; ; round++) {
    const open = mine.filter((id) => !isTerminal(seen.get(id)?.status ?? 'queued'))
    if (everyoneDone() || (mine.length > 0 && open.length === 0)) return polls
    for (const id of open) {
      const reply = await studio.app.inject({ method: 'GET', url: `/api/jobs/${id}` })
      polls += 1
      if (reply.statusCode !== 200) {
        problems.push(`GET /api/jobs/${id} answered ${reply.statusCode}`)
        continue
      }
      const job = jobSchema.parse(reply.json())
      const before = seen.get(id)
      if (before && (RANK.get(job.status) ?? 0) < (RANK.get(before.status) ?? 0)) {
        problems.push(`${id} went back from ${before.status} to ${job.status}`)
      }
      if (before && job.progress < before.progress) {
        problems.push(`${id} progress went back from ${before.progress} to ${job.progress}`)
      }
      seen.set(id, job)
    }
    if (round % 4 === 0) {
      const list = await studio.app.inject({ method: 'GET', url: '/api/jobs?limit=30' })
      polls += 1
      if (list.statusCode !== 200) problems.push(`GET /api/jobs answered ${list.statusCode}`)
      else jobListSchema.parse(list.json())
    }
    await sleep(pollMs * (0.5 + Math.random()))
  }
}

async function allJobs(studio: TestStudio): Promise<Job[]> {
  const jobs: Job[] = []
  let cursor: string | null = null
  do {
    const url: string = `/api/jobs?limit=100${cursor ? `&cursor=${cursor}` : ''}`
    const page = jobListSchema.parse((await studio.app.inject({ method: 'GET', url })).json())
    jobs.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  return jobs
}

/** Checks every job completed with its files in the vault, and the provider got one create each. */
function findProblems(
  studio: TestStudio,
  created: Job[],
  report: Omit<LoadReport, 'problems'>,
): string[] {
  const problems: string[] = []
  const byId = new Map(report.jobs.map((job) => [job.id, job]))
  for (const job of created) {
    const now = byId.get(job.id)
    if (!now) problems.push(`${job.id} is missing from the list`)
    else if (now.status !== 'completed')
      problems.push(`${job.id} ended ${now.status}: ${now.error?.message ?? ''}`)
  }
  if (report.jobs.length !== created.length)
    problems.push(`the list holds ${report.jobs.length} jobs, not ${created.length}`)
  for (const job of report.jobs.filter((j) => j.status === 'completed')) {
    const sizes: Record<string, number> = {}
    for (const asset of ['video', 'thumbnail', 'spritesheet'] as const) {
      const file = folderVault(studio.vault).pathOf(job.id, asset)
      sizes[asset] = fs.existsSync(file) ? fs.statSync(file).size : 0
      if (sizes[asset] === 0) problems.push(`${job.id} has no ${asset} in the vault`)
    }
    const sidecar = JSON.parse(
      fs.readFileSync(folderVault(studio.vault).pathOf(job.id, 'sidecar'), 'utf8'),
    ) as {
      upstreamId: string
      files: Record<string, number>
    }
    if (sidecar.upstreamId !== job.upstreamId)
      problems.push(`${job.id}: the sidecar names another upstream id`)
    if (JSON.stringify(sidecar.files) !== JSON.stringify(sizes))
      problems.push(`${job.id}: files differ from the sidecar`)
  }
  const upstreamIds = report.jobs.map((job) => job.upstreamId)
  if (new Set(upstreamIds).size !== upstreamIds.length)
    problems.push('two jobs share an upstream video')
  if (report.upstreamCreates !== created.length) {
    problems.push(`${report.upstreamCreates} creates were sent for ${created.length} jobs`)
  }
  const expected = [...upstreamIds].sort().join()
  if ([...report.upstreamVideos].sort().join() !== expected) {
    problems.push(
      `the provider holds ${report.upstreamVideos.length} videos, not exactly the ${created.length} jobs' own`,
    )
  }
  if (fs.readdirSync(folderVault(studio.vault).tempDir).length > 0)
    problems.push('the vault temp folder is not empty')
  return problems
}

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const { jobs: count, browsers, pollMs = 500, timeoutMs = 600_000 } = options
  const counter = countingUpstream()
  const studio = await startTestStudio({ overrides: { wrapUpstream: counter.wrap } })
  try {
    const started = Date.now()
    const replies = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        studio.app.inject({
          method: 'POST',
          url: '/api/jobs',
          ...multipartBody({
            prompt: `load take ${i}`,
            model: 'sora-2',
            size: '720x1280',
            seconds: '4',
          }),
        }),
      ),
    )
    const problems = replies
      .filter((r) => r.statusCode !== 201)
      .map((r) => `create answered ${r.statusCode}: ${r.body}`)
    const created = replies
      .filter((r) => r.statusCode === 201)
      .map((r) => jobSchema.parse(r.json()))
    let finished = false
    const tabs = Array.from({ length: browsers }, (_, b) => {
      const mine = created.filter((_, i) => i % browsers === b).map((job) => job.id)
      return browser(studio, mine, () => finished, pollMs, problems)
    })
    const deadline = started + timeoutMs
    while (!finished) {
      finished = (await allJobs(studio)).every((job) => isTerminal(job.status))
      if (Date.now() > deadline) {
        problems.push(`not every job finished within ${timeoutMs} ms`)
        finished = true
      }
      if (!finished) await sleep(200)
    }
    const browserPolls = (await Promise.all(tabs)).reduce((a, b) => a + b, 0)
    const elapsedMs = Date.now() - started
    if (!counter.state.real) throw new Error('the upstream was never wrapped')
    const report = {
      elapsedMs,
      jobs: await allJobs(studio),
      upstreamCreates: counter.state.creates,
      upstreamVideos: await listUpstream(counter.state.real),
      browserPolls,
    }
    return { ...report, problems: [...problems, ...findProblems(studio, created, report)] }
  } finally {
    await studio.close()
  }
}
