import { http, HttpResponse } from 'msw'
import type { JobList } from '../../contract/api'
import type { Job } from '../../contract/job'
import { isTerminal, type JobStatus } from '../../contract/job-status'

let serial = 0

/** A job as the BFF would send it; `id` and `createdAt` differ per call unless given. */
export function makeJob(overrides: Partial<Job> = {}): Job {
  serial += 1
  return {
    id: `job_test${String(serial).padStart(8, '0')}`,
    upstreamId: `video_${serial}`,
    provider: 'simulator',
    prompt: `A lantern over a night market, take ${serial}`,
    model: 'sora-2',
    providerModel: null,
    size: '1280x720',
    seconds: 8,
    status: 'queued',
    progress: 0,
    error: null,
    createdAt: new Date(Date.now() - serial * 1000).toISOString(),
    completedAt: null,
    remixOf: null,
    group: null,
    take: 'A',
    reference: null,
    lastReference: null,
    media: null,
    costUsd: 0.8,
    verdict: null,
    notesCount: 0,
    verdictBy: null,
    author: null,
    ...overrides,
  }
}

export interface ScriptedJob {
  job: Job
  /** The status each successive GET /api/jobs/:id answers; the last one repeats. */
  script: JobStatus[]
  /** When (fake Date.now()) each GET /api/jobs/:id arrived. */
  polls: number[]
}

function stateAt(entry: ScriptedJob): Job {
  const status = entry.script[Math.min(entry.polls.length, entry.script.length) - 1] ?? 'queued'
  const done = status === 'completed'
  return {
    ...entry.job,
    status,
    progress: done ? 100 : status === 'in_progress' ? 40 : entry.job.progress,
    media: done
      ? { video: `/api/jobs/${entry.job.id}/video`, thumbnail: null, spritesheet: null, still: null }
      : null,
    error:
      status === 'failed'
        ? { code: 'moderation_blocked', kind: 'moderation', message: 'Blocked by moderation' }
        : null,
  }
}

/**
 * msw handlers for a BFF whose jobs move through scripted states as they are polled. The list
 * shows each job as it last answered; `galleryReads` counts reads of the completed takes.
 */
export function scriptedBff(entries: ScriptedJob[]) {
  /** The statuses each GET /api/jobs asked for, in order. */
  const counts = { galleryReads: 0, listRequests: [] as string[][] }
  const current = (entry: ScriptedJob) => (entry.polls.length ? stateAt(entry) : entry.job)
  const handlers = [
    http.get('/api/jobs', ({ request }) => {
      const statuses = new URL(request.url).searchParams.getAll('status')
      counts.listRequests.push(statuses)
      if (statuses.join() === 'completed') counts.galleryReads += 1
      const items = entries.map(current).filter((job) => statuses.includes(job.status))
      return HttpResponse.json<JobList>({ items, nextCursor: null })
    }),
    http.get('/api/jobs/:id', ({ params }) => {
      const entry = entries.find((e) => e.job.id === params.id)
      if (!entry)
        return HttpResponse.json(
          { error: { code: 'not_found', message: 'No such job' } },
          { status: 404 },
        )
      entry.polls.push(Date.now())
      return HttpResponse.json<Job>(stateAt(entry))
    }),
  ]
  return { handlers, counts, isDone: (e: ScriptedJob) => isTerminal(current(e).status) }
}
