import { useEffect, useRef } from 'react'
import type { Fit } from '../../../contract/api'
import { sizeDimensions } from '../../../contract/size-dimensions'
import { formatSize } from '../../lib/format'
import { cn } from '../../components/ui/cn'

export interface ReferencePreviewProps {
  file: File
  size: string
  fit: Fit
  /** The small preview reports what the browser decoded; the enlarged one need not. */
  onMeasured?: (width: number, height: number) => void
  onUnreadable?: () => void
  /** As wide as its container, its height from the ratio (enlarged); else it fits its box. */
  fullWidth?: boolean
}

/**
 * The image in a box of the render's exact aspect ratio on black. CSS object-fit `cover`
 * (centred) and `contain` are the same crop and letterbox the server makes with sharp, so
 * what is seen here is what the model receives.
 */
export function ReferencePreview({
  file,
  size,
  fit,
  onMeasured,
  onUnreadable,
  fullWidth = false,
}: ReferencePreviewProps) {
  const img = useRef<HTMLImageElement>(null)
  const { width, height } = sizeDimensions(size)
  const portrait = height > width

  // The object URL is made and revoked here, so it lives exactly as long as this file is shown.
  useEffect(() => {
    const element = img.current
    if (!element) return
    const url = URL.createObjectURL(file)
    element.src = url
    return () => URL.revokeObjectURL(url)
  }, [file])

  return (
    <div
      className={cn(
        'relative overflow-hidden rounded-[3px] bg-black ring-1 ring-border-strong',
        portrait && !fullWidth ? 'h-full' : 'w-full',
      )}
      style={{ aspectRatio: `${width} / ${height}` }}
    >
      <img
        ref={img}
        alt={`Reference image preview, ${fit === 'cover' ? 'cropped to fill' : 'letterboxed in'} the ${formatSize(size)} frame`}
        className={cn('size-full', fit === 'cover' ? 'object-cover' : 'object-contain')}
        onLoad={(event) =>
          onMeasured?.(event.currentTarget.naturalWidth, event.currentTarget.naturalHeight)
        }
        onError={onUnreadable}
        draggable={false}
      />
    </div>
  )
}
