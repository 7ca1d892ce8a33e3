import type { VerdictValue } from '../../../contract/verdict'

/**
 * One key per verdict, in the viewer and in compare (docs/keyboard.md): O circles (the circle of
 * a circled take), H holds, X is no good (as a reject in a photo editor). The same key again
 * clears it.
 */
export const VERDICT_KEYS: Record<VerdictValue, string> = { circled: 'O', hold: 'H', no_good: 'X' }

/** The verdict a key gives, if it is one of the verdict keys. */
export function verdictForKey(event: KeyboardEvent): VerdictValue | null {
  const key = event.key.toUpperCase()
  const found = Object.entries(VERDICT_KEYS).find(([, k]) => k === key)
  return found ? (found[0] as VerdictValue) : null
}
