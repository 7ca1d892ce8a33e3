import { remixRequestSchema, type RemixRequest } from '../../../../contract/api'
import type { Job } from '../../../../contract/job'
import { Button } from '../../../components/ui/button'
import { Dialog } from '../../../components/ui/dialog'
import { Field } from '../../../components/ui/field'
import { Textarea } from '../../../components/ui/textarea'
import { useRemixJob } from '../../../lib/job-mutations'
import { formatUsd } from '../../../lib/format'
import { useCheckedForm } from '../../../lib/use-checked-form'
import { useSettingsLine } from '../../../lib/use-model-label'

function RemixForm({ job, onClose }: { job: Job; onClose: () => void }) {
  const settingsLine = useSettingsLine()
  const remix = useRemixJob()
  const form = useCheckedForm<RemixRequest, RemixRequest>({
    initial: { prompt: job.prompt },
    schema: remixRequestSchema,
    order: ['prompt'],
  })
  const error = form.errors.prompt ?? remix.error?.message
  const submit = form.handleSubmit(({ prompt }) =>
    remix.mutate({ id: job.id, prompt }, { onSuccess: onClose }),
  )
  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-3 p-5">
      <h2 id="remix-heading" className="text-sm font-medium text-text">
        Remix this take
      </h2>
      <p className="text-xs text-text-muted">
        Same settings ({settingsLine(job)}); say what changes. The remix renders in the queue.
      </p>
      <p className="text-xs text-text">
        {job.costUsd === null
          ? 'The provider does not publish a price for this model: its bill says what it costs.'
          : `Costs about ${formatUsd(job.costUsd)}: the same settings as this take.`}
      </p>
      <Field
        layout="stack"
        label="Remix prompt"
        htmlFor="remix-prompt"
        messageId="remix-error"
        error={error}
      >
        <Textarea
          id="remix-prompt"
          rows={6}
          autoFocus
          aria-invalid={Boolean(error) || undefined}
          aria-describedby="remix-error"
          ref={form.fieldRef('prompt')}
          name="prompt"
          value={form.values.prompt}
          onChange={(event) => form.change('prompt', event.target.value)}
        />
      </Field>
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" disabled={remix.isPending}>
          {remix.isPending ? 'Starting…' : 'Start remix'}
        </Button>
      </div>
    </form>
  )
}

/** The remix prompt, prefilled with the take's own; submitting starts the remix in the queue. */
export function RemixDialog({
  job,
  open,
  onClose,
}: {
  job: Job
  open: boolean
  onClose: () => void
}) {
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="remix-heading" className="w-[32rem]">
      <RemixForm job={job} onClose={onClose} />
    </Dialog>
  )
}
