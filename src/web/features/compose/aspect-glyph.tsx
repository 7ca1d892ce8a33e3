import { sizeDimensions } from '../../../contract/size-dimensions'
import { cn } from '../../components/ui/cn'

/** The frame's outline at a glance: 16:9 lies down, 9:16 stands up. */
export function AspectGlyph({ size, className }: { size: string; className?: string }) {
  const { width, height } = sizeDimensions(size)
  const box = 18
  const scale = box / Math.max(width, height)
  return (
    <span
      aria-hidden="true"
      className={cn('inline-flex size-[18px] items-center justify-center', className)}
    >
      <span
        className="block rounded-[2px] border-[1.5px] border-current"
        style={{ width: Math.round(width * scale), height: Math.round(height * scale) }}
      />
    </span>
  )
}
