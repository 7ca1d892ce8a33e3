import { sizeDimensions, type Size } from '../../../contract/capabilities'

const BOX = 16

/** A small outline of the frame's shape, so 16:9 and 9:16 read at a glance. */
export function AspectGlyph({ size }: { size: Size }) {
  const { width, height } = sizeDimensions(size)
  const scale = BOX / Math.max(width, height)
  return (
    <span aria-hidden="true" className="inline-flex size-4 items-center justify-center">
      <span
        className="block rounded-[2px] border border-text-muted"
        style={{ width: Math.round(width * scale), height: Math.round(height * scale) }}
      />
    </span>
  )
}
