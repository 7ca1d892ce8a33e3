/**
 * Width and height of a size string. Pixel sizes split as written; an orientation hint such as
 * `16x9` gives its ratio, which is all a stored take of a model no longer in the catalog needs.
 */
export function sizeDimensions(size: string): { width: number; height: number } {
  const match = /^(\d+)x(\d+)$/.exec(size)
  const width = Number(match?.[1])
  const height = Number(match?.[2])
  return width > 0 && height > 0 ? { width, height } : { width: 16, height: 9 }
}
