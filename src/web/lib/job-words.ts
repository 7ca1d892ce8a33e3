import type { JobStatus } from '../../contract/job-status'

const STATUS_WORDS: Record<JobStatus, string> = {
  submitting: 'Sending to the provider',
  queued: 'Waiting in the provider’s queue',
  in_progress: 'Rendering',
  archiving: 'Saving to the vault',
  completed: 'Finished',
  failed: 'Failed',
  cancelled: 'Cancelled',
}

/** A job's status as a person would say it. */
export function statusWords(status: JobStatus): string {
  return STATUS_WORDS[status]
}

/** The prompt's first non-empty line: what a take is called in lists. */
export function firstLine(prompt: string): string {
  return (
    prompt
      .split('\n')
      .map((line) => line.trim())
      .find(Boolean) ?? ''
  )
}

/** 75.4 → "1:15"; with `tenths`, "1:15.4". */
export function formatClock(seconds: number, tenths = false): string {
  const safe = Math.max(0, Number.isFinite(seconds) ? seconds : 0)
  const minutes = Math.floor(safe / 60)
  const rest = safe - minutes * 60
  const secs = tenths ? rest.toFixed(1).padStart(4, '0') : String(Math.floor(rest)).padStart(2, '0')
  return `${minutes}:${secs}`
}

/** The short id people can tell takes apart by, e.g. "8x2kq0". */
export function shortId(id: string): string {
  return id.slice(-6)
}
