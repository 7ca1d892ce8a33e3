import type { FastifyBaseLogger } from 'fastify'
import { failureFor, renderDurationMs, type FailurePlan } from './faults'
import { Limiter } from '../lib/limiter'
import { renderMedia, type RenderTools } from './render'
import type { VideoStore } from './store'
import { EXPIRY_SECONDS, isTerminal, unixNow, type VideoRecord } from './video'

export interface EngineDeps {
  store: VideoStore
  /** Render pixels of a stored job's size. */
  pixelsOf: (rec: VideoRecord) => { width: number; height: number }
  /** Wall time multiplier; 0 = as fast as ffmpeg allows. */
  timeScale: number
  tools: RenderTools
  log: FastifyBaseLogger
  /** ffmpeg processes at once; the others wait their turn. */
  concurrency?: number
}

interface Run {
  id: string
  abort: AbortController
  timer: NodeJS.Timeout | null
  render: Promise<void> | null
  renderDone: boolean
  timeDone: boolean
}

/**
 * Drives each job from queued to a terminal state: a timer moves progress in 5 % steps across the
 * render duration while ffmpeg works in parallel; the job completes when both are done.
 */
export class Engine {
  private readonly runs = new Map<string, Run>()
  private readonly limiter: Limiter
  private idleWaiters: Array<() => void> = []
  private stopped = false

  constructor(private readonly deps: EngineDeps) {
    this.limiter = new Limiter(deps.concurrency ?? 2)
  }

  /** Starts (or, after a restart, resumes) a job that is not yet terminal. */
  start(id: string): void {
    const rec = this.deps.store.get(id)
    if (this.stopped || !rec || isTerminal(rec) || rec.lost || this.runs.has(id)) return
    const failure = failureFor(rec.faults)
    const totalMs = renderDurationMs(this.deps.timeScale, Number(rec.seconds), rec.faults)
    const startProgress = rec.progress
    const remainingMs = totalMs * (1 - startProgress / 100)
    const stepMs = Math.max(100, remainingMs / 20)
    const run: Run = {
      id,
      abort: new AbortController(),
      timer: null,
      render: null,
      renderDone: false,
      timeDone: false,
    }
    this.runs.set(id, run)
    // A job bound to fail never needs its media.
    if (!failure) run.render = this.render(run, rec)
    const startedAt = Date.now()
    const tick = () => {
      run.timer = null
      const elapsed = Date.now() - startedAt
      const exact =
        remainingMs <= 0
          ? 100
          : startProgress + (100 - startProgress) * Math.min(1, elapsed / remainingMs)
      if (failure && exact >= failure.at) return this.fail(run, failure)
      run.timeDone = exact >= 100
      this.setProgress(run, Math.min(Math.floor(exact / 5) * 5, 99))
      if (run.timeDone) this.maybeComplete(run)
      else run.timer = setTimeout(tick, stepMs)
    }
    run.timer = setTimeout(tick, remainingMs <= 0 ? 0 : stepMs)
  }

  /** Resolves when no job is running. */
  idle(): Promise<void> {
    if (this.runs.size === 0) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  /** Stops timers and kills ffmpeg; unfinished jobs stay as they are on disk and resume later. */
  async stop(): Promise<void> {
    this.stopped = true
    const renders: Promise<void>[] = []
    for (const run of this.runs.values()) {
      if (run.timer) clearTimeout(run.timer)
      run.abort.abort()
      if (run.render) renders.push(run.render)
    }
    await Promise.allSettled(renders)
    this.runs.clear()
    this.notifyIdle()
    await this.deps.store.flush()
  }

  private async render(run: Run, rec: VideoRecord): Promise<void> {
    const { store, tools, log } = this.deps
    const { width, height } = this.deps.pixelsOf(rec)
    try {
      await this.limiter.run(() => {
        this.update(run, (r) => (r.status === 'queued' ? { ...r, status: 'in_progress' } : r))
        const job = {
          id: rec.id,
          prompt: rec.prompt,
          model: rec.model,
          width,
          height,
          seconds: Number(rec.seconds),
          remixOf: rec.remixed_from_video_id,
          referencePath: rec.reference ? store.mediaPath(rec.id, rec.reference) : null,
          lastReferencePath: rec.last_reference ? store.mediaPath(rec.id, rec.last_reference) : null,
          outDir: store.mediaDir(rec.id),
        }
        return renderMedia(tools, job, run.abort.signal)
      }, run.abort.signal)
      run.renderDone = true
      this.maybeComplete(run)
    } catch (err) {
      if (run.abort.signal.aborted) return
      log.error({ err, videoId: run.id }, 'simulator render failed')
      this.fail(run, {
        at: store.get(run.id)?.progress ?? 0,
        error: { code: 'internal_error', message: 'Video rendering failed. Please try again.' },
      })
    }
  }

  private setProgress(run: Run, progress: number): void {
    this.update(run, (r) => {
      const next = Math.max(r.progress, progress)
      const status = next > 0 && r.status === 'queued' ? 'in_progress' : r.status
      return next === r.progress && status === r.status ? r : { ...r, progress: next, status }
    })
  }

  private maybeComplete(run: Run): void {
    if (!run.timeDone || !run.renderDone) return
    const now = unixNow()
    this.update(run, (r) => ({
      ...r,
      status: 'completed',
      progress: 100,
      completed_at: now,
      // `[sim:expire]`: the download window has closed by the time anyone asks.
      expires_at: r.faults.includes('expire') ? now : now + EXPIRY_SECONDS,
    }))
    this.end(run)
  }

  /** Stops a running job for good: DELETE of a gateway task. */
  cancel(id: string): void {
    const run = this.runs.get(id)
    if (!run) return
    this.update(run, (r) => ({ ...r, status: 'cancelled' }))
    run.abort.abort()
    this.end(run)
  }

  private fail(run: Run, failure: FailurePlan): void {
    const { error } = failure
    const progress = (r: VideoRecord) => Math.max(r.progress, failure.at)
    this.update(run, (r) =>
      failure.status
        ? { ...r, status: failure.status, progress: progress(r) }
        : error
          ? { ...r, status: 'failed', progress: progress(r), error }
          : { ...r, progress: progress(r), lost: true },
    )
    run.abort.abort()
    this.end(run)
  }

  private update(run: Run, change: (r: VideoRecord) => VideoRecord): void {
    if (this.stopped || this.runs.get(run.id) !== run) return
    const current = this.deps.store.get(run.id)
    if (!current) return
    const next = change(current)
    if (next !== current) this.deps.store.save(next).catch(() => {})
  }

  private end(run: Run): void {
    if (run.timer) clearTimeout(run.timer)
    this.runs.delete(run.id)
    this.notifyIdle()
  }

  private notifyIdle(): void {
    if (this.runs.size > 0) return
    const waiters = this.idleWaiters
    this.idleWaiters = []
    for (const resolve of waiters) resolve()
  }
}
