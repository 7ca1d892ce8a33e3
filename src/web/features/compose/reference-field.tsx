import { useRef, useState, type DragEvent } from 'react'
import { cn } from '../../components/ui/cn'
import { Field } from '../../components/ui/field'
import { formatBytes, formatImageType, listWithOr } from '../../lib/format'
import type { UploadLimits } from './check-reference'
import type { Frame } from './downscale-plan'
import { useComposeFormContext } from './form-context'
import { ReferenceDetails } from './reference-details'
import { ReferenceEnlarged } from './reference-enlarged'
import { ReferencePreview } from './reference-preview'
import type { ReferenceApi } from './use-reference'

/**
 * An optional reference image: click, drop or paste an image; see it as the model will. A model
 * that takes two shows one of these per slot, "First frame" and "Last frame".
 */
export function ReferenceField({
  reference,
  limits,
  slot = 'reference',
  label = 'Reference image',
  aside = 'optional · first frame',
  frames,
}: {
  reference: ReferenceApi
  limits: UploadLimits
  /** The model's frames, to say when an oversized image is downscaled before upload. */
  frames: readonly Frame[]
  slot?: 'reference' | 'last-frame'
  label?: string
  aside?: string
}) {
  const INPUT_ID = `compose-${slot}`
  const form = useComposeFormContext()
  const { size, fit } = form.values
  const [over, setOver] = useState(false)
  const [enlarged, setEnlarged] = useState(false)
  const enlargeButton = useRef<HTMLButtonElement>(null)
  const closeEnlarged = () => {
    setEnlarged(false)
    enlargeButton.current?.focus()
  }
  const image = reference.image

  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    setOver(false)
    const file = event.dataTransfer.files[0]
    if (file) reference.choose(file)
  }
  const dropHandlers = {
    onDragOver: (event: DragEvent) => {
      event.preventDefault()
      setOver(true)
    },
    onDragLeave: () => setOver(false),
    onDrop,
  }

  return (
    <Field
      layout="stack"
      label={label}
      labelId={`${INPUT_ID}-label`}
      messageId={`${INPUT_ID}-message`}
      error={reference.error ?? undefined}
      aside={<span className="text-[11px] text-text-subtle">{aside}</span>}
    >
      <input
        id={INPUT_ID}
        type="file"
        accept={limits.types.join(',')}
        className="peer sr-only"
        aria-labelledby={`${INPUT_ID}-label`}
        aria-describedby={`${INPUT_ID}-hint ${INPUT_ID}-message`}
        aria-invalid={!!reference.error || undefined}
        onChange={(event) => {
          const file = event.target.files?.[0]
          if (file) reference.choose(file)
          // Choosing the same file again after removing it must still fire a change.
          event.target.value = ''
        }}
      />
      {image ? (
        <div
          {...dropHandlers}
          className={cn(
            'flex gap-3 rounded-md border bg-bg p-2 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-accent',
            over ? 'border-accent' : 'border-border',
          )}
        >
          <button
            ref={enlargeButton}
            type="button"
            aria-label={`Enlarge ${label.toLowerCase()}`}
            title="Enlarge"
            onClick={() => setEnlarged(true)}
            className="flex h-28 w-40 shrink-0 cursor-zoom-in items-center justify-center rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
          >
            <ReferencePreview
              file={image.file}
              size={size}
              fit={fit}
              onMeasured={reference.measured}
              onUnreadable={reference.unreadable}
            />
          </button>
          <ReferenceEnlarged
            open={enlarged}
            onClose={closeEnlarged}
            file={image.file}
            size={size}
            fit={fit}
            label={label}
            slot={slot}
          />
          <ReferenceDetails
            image={image}
            frames={frames}
            size={size}
            fit={fit}
            onFitChange={(chosen) => form.change('fit', chosen)}
            onRemove={reference.remove}
            inputId={INPUT_ID}
          />
        </div>
      ) : (
        <label
          htmlFor={INPUT_ID}
          {...dropHandlers}
          className={cn(
            'flex cursor-pointer items-center gap-3 rounded-md border border-dashed px-3 py-3',
            'text-xs transition-colors duration-150 hover:border-text-subtle hover:text-text',
            'peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-accent',
            over ? 'border-accent bg-accent/5 text-text' : 'border-border-strong bg-bg text-text-muted',
          )}
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 shrink-0 text-text-subtle">
            <rect
              x="2.5"
              y="3.5"
              width="15"
              height="13"
              rx="2"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.4"
            />
            <circle cx="7" cy="8" r="1.5" fill="currentColor" />
            <path
              d="M3 15l4.5-4.5 3 3 2.5-2.5 4 4"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.4"
            />
          </svg>
          <span className="min-w-0">
            <span className="block text-text">
              Drop an image, paste, or{' '}
              <span className="text-accent underline-offset-2 hover:underline">browse</span>
            </span>
            <span id={`${INPUT_ID}-hint`} className="block text-text-subtle">
              {listWithOr(limits.types.map(formatImageType))} · up to {formatBytes(limits.maxBytes)}
            </span>
          </span>
        </label>
      )}
    </Field>
  )
}
