import type { Job } from '../../../contract/job'
import { Button } from '../../components/ui/button'
import { useDeletedTakes } from '../../lib/deleted-takes'
import { useRestoreJob } from '../../lib/job-mutations'
import { firstLine } from '../../lib/job-words'

function UndoToast({ job }: { job: Job }) {
  const restore = useRestoreJob()
  const title = firstLine(job.prompt)
  return (
    <li
      aria-label={`Deleted take ${job.take}: ${title}`}
      className="flex items-center gap-3 rounded-md border border-border-strong bg-surface-raised py-1.5 pr-1.5 pl-3 text-xs text-text shadow-lg shadow-black/50"
    >
      <p className="min-w-0 flex-1 truncate">
        Deleted <span className="font-mono text-text-muted">{job.take}</span> “{title}”
      </p>
      {restore.error && (
        <p role="alert" className="text-danger">
          Too late to undo: {restore.error.message}
        </p>
      )}
      <Button
        size="xs"
        variant="link"
        disabled={restore.isPending}
        onClick={() => restore.mutate(job.id)}
      >
        Undo
      </Button>
    </li>
  )
}

/**
 * One toast per take just deleted, newest last, each with its own Undo. Rendered by the gallery,
 * and by the viewer while it is open (a modal dialog hides everything outside it).
 */
export function UndoToasts() {
  const deleted = useDeletedTakes()
  if (deleted.length === 0) return null
  return (
    <ul
      aria-label="Deleted takes"
      aria-live="polite"
      className="fixed inset-x-3 bottom-3 z-50 mx-auto flex max-w-md flex-col gap-1.5"
    >
      {deleted.map((job) => (
        <UndoToast key={job.id} job={job} />
      ))}
    </ul>
  )
}
