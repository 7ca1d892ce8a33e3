import type { Job } from '../../../../contract/job'
import { Button } from '../../../components/ui/button'
import { Dialog } from '../../../components/ui/dialog'
import { FieldMessage } from '../../../components/ui/field-message'
import { useDeleteJob } from '../../../lib/job-mutations'
import { firstLine } from '../../../lib/job-words'

interface DeleteDialogProps {
  job: Job
  open: boolean
  onClose: () => void
  onDeleted: () => void
}

/** Asks before a take and its files are gone for good. */
export function DeleteDialog({ job, open, onClose, onDeleted }: DeleteDialogProps) {
  const remove = useDeleteJob()
  return (
    <Dialog
      open={open}
      onClose={onClose}
      role="alertdialog"
      aria-labelledby="delete-heading"
      aria-describedby="delete-description"
      className="w-[26rem]"
    >
      <div className="space-y-3 p-5">
        <h2 id="delete-heading" className="text-sm font-medium text-text">
          Delete this take?
        </h2>
        <p id="delete-description" className="text-xs text-text-muted">
          “{firstLine(job.prompt)}” and its video, stills and reference are removed from the vault.
          This cannot be undone.
        </p>
        {remove.error && <FieldMessage role="alert">{remove.error.message}</FieldMessage>}
        <div className="flex justify-end gap-2">
          <Button variant="ghost" autoFocus onClick={onClose}>
            Cancel
          </Button>
          <Button
            variant="danger"
            disabled={remove.isPending}
            onClick={() => remove.mutate(job.id, { onSuccess: onDeleted })}
          >
            Delete
          </Button>
        </div>
      </div>
    </Dialog>
  )
}
