import { Field } from '../../components/ui/field'
import { Textarea } from '../../components/ui/textarea'
import { cn } from '../../components/ui/cn'
import { useComposeFormContext } from './form-context'

const count = new Intl.NumberFormat('en-US')

/** The prompt, roomy, with its length against the provider's limit. */
export function PromptField({ maxLength }: { maxLength: number }) {
  const form = useComposeFormContext()
  const length = form.values.prompt.length
  const over = length > maxLength
  const error = form.errors.prompt

  return (
    <Field
      layout="stack"
      label="Prompt"
      htmlFor="compose-prompt"
      messageId="compose-prompt-message"
      error={error}
      aside={
        <span
          id="compose-prompt-count"
          className={cn('text-[11px] tabular-nums', over ? 'text-danger' : 'text-text-subtle')}
        >
          {count.format(length)} / {count.format(maxLength)}
          <span className="sr-only"> characters</span>
        </span>
      }
    >
      <Textarea
        id="compose-prompt"
        rows={7}
        placeholder="A lantern drifts over a night market, slow dolly in, 35 mm, shallow focus…"
        aria-invalid={!!error || over || undefined}
        aria-describedby="compose-prompt-count compose-prompt-message"
        className="min-h-32"
        ref={form.fieldRef('prompt')}
        name="prompt"
        value={form.values.prompt}
        onChange={(event) => form.change('prompt', event.target.value)}
      />
    </Field>
  )
}
