import { createContext } from 'react'

/**
 * The width, in CSS px, of a tile's picture area in the grid, which the grid knows from its own
 * arithmetic before any tile is drawn; 0 outside a grid (a tile then offers its still alone).
 */
export const TileWidthContext = createContext(0)

/**
 * The width a take's picture is drawn at in a 16:9 picture area `areaWidth` wide: the whole width
 * for a take at least as wide as 16:9, else the area's height at the take's own shape (a 9:16
 * take: the height × 9/16).
 */
export function drawnWidth(areaWidth: number, size: { width: number; height: number }): number {
  return Math.min(areaWidth, ((areaWidth * 9) / 16) * (size.width / size.height))
}
