import { Field } from '../../components/ui/field'
import { SegmentedControl } from '../../components/ui/segmented-control'
import { formatSize, formatUsd, orientationOf } from '../../lib/format'
import { AspectGlyph } from './aspect-glyph'
import { aspectLabel } from './estimate'
import { useComposeFormContext } from './form-context'
import type { ModelCapabilities } from './settings'

/** The frame as shapes to pick from, only those the chosen model renders. */
export function SizeField({
  model,
  note,
  onChosen,
}: {
  model: ModelCapabilities
  note: string | null
  /** A size picked by hand: any note about an automatic switch is out of date. */
  onChosen: () => void
}) {
  const form = useComposeFormContext()
  const error = form.errors.size
  // Show the price per frame only when the frame changes it (Sora 2 Pro's tall and wide sizes).
  const pricesDiffer = new Set(model.sizes.map((s) => s.pricePerSecond)).size > 1

  return (
    <Field
      label="Size"
      labelId="compose-size-label"
      messageId="compose-size-message"
      error={error}
      note={note}
    >
      <SegmentedControl<string>
        label="Size"
        labelledBy="compose-size-label"
        name="size"
        value={form.values.size}
        onChange={(size) => {
          form.change('size', size)
          onChosen()
        }}
        inputRef={form.fieldRef('size')}
        invalid={!!error}
        describedBy="compose-size-message"
        wide
        itemClassName="flex-col gap-0.5 py-1.5"
        options={model.sizes.map((s) => ({
          value: s.size,
          label: `${aspectLabel(s.size)} ${orientationOf(s.size)}, ${formatSize(s.size)}${
            pricesDiffer ? `, ${formatUsd(s.pricePerSecond)} a second` : ''
          }`,
          content: (
            <>
              <span className="flex items-center gap-1.5">
                <AspectGlyph size={s.size} />
                <span className="font-medium">{aspectLabel(s.size)}</span>
              </span>
              <span className="text-[10px] tabular-nums text-text-subtle">
                {s.width}×{s.height}
                {pricesDiffer && ` · ${formatUsd(s.pricePerSecond)}`}
              </span>
            </>
          ),
        }))}
      />
    </Field>
  )
}
