import type { MarkColour } from '../../../contract/review'

/**
 * The shade of each mark colour: bright enough to read over footage, a step softer than pure
 * hues so a frame full of marks stays calm. Each stroke also gets a thin dark edge (mark-shape).
 */
export const MARK_SHADES: Record<MarkColour, string> = {
  red: '#ff6b6b',
  yellow: '#ffd447',
  green: '#4ade80',
  blue: '#60a5fa',
  white: '#f4f4f5',
}

export const MARK_COLOUR_NAMES: Record<MarkColour, string> = {
  red: 'Red',
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  white: 'White',
}
