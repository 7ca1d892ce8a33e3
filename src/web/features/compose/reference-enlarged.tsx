import type { Fit } from '../../../contract/api'
import { sizeDimensions } from '../../../contract/size-dimensions'
import { Button } from '../../components/ui/button'
import { Dialog } from '../../components/ui/dialog'
import { formatSize } from '../../lib/format'
import { ReferencePreview } from './reference-preview'

/**
 * The reference large, in the same frame and fit as the small preview, to check the crop or the
 * bars closely. Esc, the backdrop or Close shut it; the caller returns focus.
 */
export function ReferenceEnlarged({
  open,
  onClose,
  file,
  size,
  fit,
  label,
  slot,
}: {
  open: boolean
  onClose: () => void
  file: File
  size: string
  fit: Fit
  label: string
  slot: string
}) {
  const headingId = `${slot}-enlarged-heading`
  const frame = sizeDimensions(size)
  return (
    <Dialog
      open={open}
      onClose={onClose}
      aria-labelledby={headingId}
      className="w-[min(72rem,calc(100vw-2rem))]"
    >
      <div className="flex items-center justify-between gap-3 border-b border-border px-4 py-2">
        <h2 id={headingId} className="text-sm font-medium text-text">
          {label}
          <span className="ml-2 text-xs font-normal text-text-subtle">
            as the model receives it · {formatSize(size)} · {fit === 'cover' ? 'cover' : 'contain'}
          </span>
        </h2>
        <Button variant="ghost" size="sm" onClick={onClose} autoFocus>
          Close
        </Button>
      </div>
      <div className="flex justify-center bg-bg p-4">
        {/* As wide as fits, and no taller than 75% of the screen: the frame keeps its ratio. */}
        <div style={{ width: `min(100%, calc(75dvh * ${frame.width} / ${frame.height}))` }}>
          <ReferencePreview file={file} size={size} fit={fit} fullWidth />
        </div>
      </div>
    </Dialog>
  )
}
