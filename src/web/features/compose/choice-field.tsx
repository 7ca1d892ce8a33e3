import type { Ref } from 'react'
import { Field } from '../../components/ui/field'
import { SegmentedControl } from '../../components/ui/segmented-control'

export interface ChoiceFieldProps {
  label: string
  id: string
  value: number
  choices: readonly number[]
  /** Visible text and spoken name of a choice, e.g. "8 s" and "8 seconds". */
  show: (choice: number) => { text: string; spoken: string }
  onChange: (value: number) => void
  error?: string | undefined
  note?: string | null
  inputRef?: Ref<HTMLInputElement>
}

/** A row of small numeric choices (duration, takes) as one radio group. */
export function ChoiceField({
  label,
  id,
  value,
  choices,
  show,
  onChange,
  error,
  note,
  inputRef,
}: ChoiceFieldProps) {
  return (
    <Field
      label={label}
      labelId={`${id}-label`}
      messageId={`${id}-message`}
      error={error}
      note={note}
    >
      <SegmentedControl<string>
        label={label}
        labelledBy={`${id}-label`}
        name={id}
        value={String(value)}
        onChange={(v) => onChange(Number(v))}
        inputRef={inputRef}
        invalid={!!error}
        describedBy={`${id}-message`}
        wide
        itemClassName="h-7 tabular-nums"
        options={choices.map((choice) => ({
          value: String(choice),
          label: show(choice).spoken,
          content: show(choice).text,
        }))}
      />
    </Field>
  )
}
