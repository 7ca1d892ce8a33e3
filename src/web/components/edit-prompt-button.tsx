import type { Job } from '../../contract/job'
import { editPromptOf, needsNewPrompt } from '../lib/refusal'
import { Button, type ButtonProps } from './ui/button'

/**
 * "Edit prompt" for a take the provider refused for what it asks: its prompt and settings go to
 * the composer. Renders nothing for any other take, so each place that lists takes shows it the
 * same way; `onEdited` lets a row or a viewer step aside afterwards.
 */
export function EditPromptButton({
  job,
  size = 'sm',
  className,
  onEdited,
}: {
  job: Job
  size?: ButtonProps['size']
  /** Where it sits (position, margins); its look is `size`'s. */
  className?: string
  onEdited?: () => void
}) {
  if (!needsNewPrompt(job)) return null
  return (
    <Button
      size={size}
      variant="primary"
      className={className}
      onClick={() => {
        editPromptOf(job)
        onEdited?.()
      }}
    >
      Edit prompt
    </Button>
  )
}
