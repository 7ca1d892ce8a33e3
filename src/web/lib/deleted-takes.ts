import { useSyncExternalStore } from 'react'
import type { Job } from '../../contract/job'

/**
 * The takes deleted in this tab that can still be brought back: each has its Undo toast until
 * UNDO_SHOWN_MS pass (the server keeps a deleted take, files and all, for longer: see
 * DAILIES_DELETE_GRACE_S, one minute by default).
 */
export const UNDO_SHOWN_MS = 10_000

let deleted: readonly Job[] = []
const listeners = new Set<() => void>()
const timers = new Map<string, ReturnType<typeof setTimeout>>()

function emit(next: readonly Job[]): void {
  deleted = next
  for (const listener of listeners) listener()
}

export function forgetDeleted(id: string): void {
  clearTimeout(timers.get(id))
  timers.delete(id)
  if (deleted.some((job) => job.id === id)) emit(deleted.filter((job) => job.id !== id))
}

export function rememberDeleted(job: Job): void {
  forgetDeleted(job.id)
  emit([...deleted, job])
  timers.set(
    job.id,
    setTimeout(() => forgetDeleted(job.id), UNDO_SHOWN_MS),
  )
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useDeletedTakes(): readonly Job[] {
  return useSyncExternalStore(subscribe, () => deleted)
}
