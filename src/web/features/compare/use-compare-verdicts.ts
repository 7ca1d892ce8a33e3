import { useState } from 'react'
import type { Job } from '../../../contract/job'
import type { Verdict } from '../../../contract/verdict'
import { useSetVerdict } from '../review/use-set-verdict'
import { verdictForKey } from '../review/verdict-keys'

export interface CompareVerdicts {
  /** The slot the verdict keys act on: the one picked (1–4, or a click on its verdicts). */
  selected: number
  select: (index: number) => void
  /** The verdict shown for a take: the one being saved, else its own. */
  verdictOf: (job: Job) => Verdict
  give: (job: Job, verdict: Verdict) => void
  /** Whether this take's verdict is being saved (a verdict for another take need not wait). */
  savingOf: (job: Job) => boolean
  error: Error | null
  /** O H X on `target` (the same key again clears it, as in the viewer), 1–4 pick a take. */
  onKey: (event: KeyboardEvent, jobs: Job[], target: number) => boolean
}

/** Verdicts given while comparing, with the viewer's keys (docs/keyboard.md). */
export function useCompareVerdicts(): CompareVerdicts {
  const [selected, select] = useState(0)
  const mutation = useSetVerdict()
  const saving = mutation.isPending ? mutation.variables : null
  const savingOf = (job: Job) => saving?.id === job.id
  const verdictOf = (job: Job) => (saving?.id === job.id ? saving.verdict : job.verdict)
  const give = (job: Job, verdict: Verdict) => {
    if (!savingOf(job)) mutation.mutate({ id: job.id, verdict })
  }
  const onKey = (event: KeyboardEvent, jobs: Job[], target: number) => {
    const slot = Number(event.key) - 1
    if (Number.isInteger(slot) && slot >= 0 && slot < jobs.length) {
      select(slot)
      return true
    }
    const given = verdictForKey(event)
    const job = jobs[target]
    if (!given || !job) return false
    give(job, verdictOf(job) === given ? null : given)
    return true
  }
  return {
    selected,
    select,
    verdictOf,
    give,
    savingOf,
    error: mutation.error,
    onKey,
  }
}
