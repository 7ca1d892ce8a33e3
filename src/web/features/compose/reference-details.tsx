import type { Fit } from '../../../contract/api'
import { Button } from '../../components/ui/button'
import { SegmentedControl } from '../../components/ui/segmented-control'
import { formatBytes } from '../../lib/format'
import { planDownscale, type Frame } from './downscale-plan'
import { fitCaption } from './fit-caption'
import type { ReferenceImage } from './use-reference'

export interface ReferenceDetailsProps {
  image: ReferenceImage
  size: string
  fit: Fit
  onFitChange: (fit: Fit) => void
  onRemove: () => void
  inputId: string
  frames: readonly Frame[]
}

/** Beside the preview: which file, how it is fitted, and the ways to change it. */
export function ReferenceDetails({
  image,
  size,
  fit,
  onFitChange,
  onRemove,
  inputId,
  frames,
}: ReferenceDetailsProps) {
  const { file, width, height } = image
  const downscale = width && height ? planDownscale({ width, height, bytes: file.size }, frames) : null
  return (
    <div className="flex min-w-0 flex-1 flex-col gap-1.5">
      <p className="truncate text-xs font-medium text-text" title={file.name}>
        {file.name}
      </p>
      <p className="text-[11px] tabular-nums text-text-subtle">
        {width && height ? `${width} × ${height} · ` : ''}
        {formatBytes(file.size)}
      </p>
      {downscale && (
        <p className="text-[11px] tabular-nums text-text-subtle">
          Downscaled {downscale.from.width} × {downscale.from.height} → {downscale.to.width} ×{' '}
          {downscale.to.height} before upload
        </p>
      )}
      <SegmentedControl<Fit>
        label="Fit"
        name="fit"
        value={fit}
        onChange={onFitChange}
        wide
        className="mt-auto"
        itemClassName="h-6 text-[11px]"
        options={[
          { value: 'cover', content: 'Cover' },
          { value: 'contain', content: 'Contain' },
        ]}
      />
      <p className="text-[11px] leading-4 text-text-muted">{fitCaption(fit, size, image)}</p>
      <div className="flex items-center gap-1">
        <label
          htmlFor={inputId}
          className="cursor-pointer rounded px-1.5 py-0.5 text-[11px] text-text-muted hover:bg-surface-raised hover:text-text"
        >
          Replace
        </label>
        <Button
          variant="ghost"
          size="2xs"
          aria-label="Remove reference image"
          onClick={onRemove}
        >
          Remove
        </Button>
      </div>
    </div>
  )
}
