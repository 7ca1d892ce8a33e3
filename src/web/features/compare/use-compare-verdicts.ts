import { useState } from 'react'
import type { VerdictValue } from '../../../contract/verdict'
import { verdictForKey } from '../review/verdict-keys'

/** Each compared take's verdict toggle, by slot: the key gives it, the same key again clears it. */
export type VerdictToggles = Map<number, (given: VerdictValue) => void>

export interface CompareVerdicts {
  /** The slot the verdict keys act on, picked with 1–4 or a click on one of its verdicts. */
  selected: number
  select: (index: number) => void
  /** Filled by the takes' captions, which each own their take's verdict. */
  toggles: VerdictToggles
  /** 1–4 pick a take; O H X give `target` its verdict (docs/keyboard.md). True if used. */
  onKey: (event: KeyboardEvent, count: number, target: number) => boolean
}

/** The viewer's verdict keys, in a comparison of several takes. */
export function useCompareVerdicts(): CompareVerdicts {
  const [selected, select] = useState(0)
  const [toggles] = useState<VerdictToggles>(() => new Map())
  const onKey = (event: KeyboardEvent, count: number, target: number) => {
    const slot = Number(event.key) - 1
    if (Number.isInteger(slot) && slot >= 0 && slot < count) {
      select(slot)
      return true
    }
    const given = verdictForKey(event)
    const toggle = toggles.get(target)
    if (!given || !toggle) return false
    toggle(given)
    return true
  }
  return { selected, select, toggles, onKey }
}
