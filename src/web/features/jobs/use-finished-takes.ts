import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Job } from '../../../contract/job'
import { jobQueries } from '../../lib/job-queries'
import { firstLine } from '../../lib/job-words'
import { PROGRESS_MARK } from './use-rendering-title'

/** Finishes this close together share one refresh of the lists. */
export const FINISH_BATCH_MS = 250

/** One notification for a submit's takes: "3 takes ready" (or "Take ready" for one). */
function notify(takes: Job[]): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return
  const [job] = takes
  if (!job) return
  const failed = takes.filter((take) => take.status === 'failed').length
  const title =
    takes.length === 1
      ? job.status === 'completed'
        ? 'Take ready'
        : 'Render failed'
      : `${takes.length - failed} of ${takes.length} takes ready`
  const body =
    job.error && takes.length === 1
      ? `${firstLine(job.prompt)} — ${job.error.message}`
      : firstLine(job.prompt)
  new Notification(title, { body, tag: job.group ?? job.id })
}

/**
 * What happens when a job the queue follows reaches a terminal state, once per job: the lists
 * are refreshed once (finishes within FINISH_BATCH_MS share it), and while the tab is hidden
 * its title counts the finished takes and a notification says so, if the person allowed it.
 */
export function useFinishedTakes(
  /** Whether another take of this submit is still rendering, so its notification waits for it. */
  siblingsRendering: (job: Job) => boolean = () => false,
): {
  onFinished: (job: Job) => void
  /** The last finish, worded for the live region. */
  announcement: string
} {
  const queryClient = useQueryClient()
  const handled = useRef(new Set<string>())
  const batch = useRef<ReturnType<typeof setTimeout> | null>(null)
  const [hiddenCount, setHiddenCount] = useState(0)
  const [announcement, setAnnouncement] = useState('')
  const baseTitle = useRef<string | null>(null)
  // A submit's finished takes, held back until its last one finishes: one notification per submit.
  const held = useRef(new Map<string, Job[]>())

  useEffect(() => {
    if (hiddenCount === 0) return
    baseTitle.current ??= document.title.replace(PROGRESS_MARK, '')
    document.title = `(${hiddenCount}) ${hiddenCount === 1 ? 'take' : 'takes'} finished · ${baseTitle.current}`
    const reset = () => {
      if (document.hidden) return
      if (baseTitle.current !== null) document.title = baseTitle.current
      baseTitle.current = null
      setHiddenCount(0)
    }
    document.addEventListener('visibilitychange', reset)
    return () => document.removeEventListener('visibilitychange', reset)
  }, [hiddenCount])

  useEffect(
    () => () => {
      if (batch.current) clearTimeout(batch.current)
    },
    [],
  )

  const onFinished = useCallback(
    (job: Job) => {
      if (handled.current.has(job.id)) return
      handled.current.add(job.id)
      batch.current ??= setTimeout(() => {
        batch.current = null
        void queryClient.invalidateQueries({ queryKey: jobQueries.lists() })
      }, FINISH_BATCH_MS)
      const words = job.status === 'completed' ? 'Take ready' : 'Render failed'
      setAnnouncement(`${words}: ${firstLine(job.prompt)}`)
      if (document.hidden) setHiddenCount((count) => count + 1)
      const key = job.group ?? job.id
      const takes = [...(held.current.get(key) ?? []), job]
      if (job.group && siblingsRendering(job)) {
        held.current.set(key, takes)
        return
      }
      held.current.delete(key)
      if (document.hidden) notify(takes)
    },
    [queryClient, siblingsRendering],
  )

  return { onFinished, announcement }
}
