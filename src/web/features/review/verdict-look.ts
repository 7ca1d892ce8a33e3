import type { VerdictValue } from '../../../contract/verdict'

/** The glyph of each verdict, the same on the viewer's bar and on a compared take's caption. */
export const VERDICT_GLYPHS: Record<VerdictValue, string> = {
  circled: '◉',
  hold: '◐',
  no_good: '✕',
}

/** How a chosen verdict's button is lit (the border shows only where the button has one). */
export const VERDICT_LIT: Record<VerdictValue, string> = {
  circled: 'border-accent/60 bg-accent/15 text-accent',
  hold: 'border-warning/50 bg-warning/10 text-warning',
  no_good: 'border-danger/50 bg-danger/10 text-danger',
}
