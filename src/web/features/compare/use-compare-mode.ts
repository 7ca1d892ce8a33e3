import { useState } from 'react'
import { useCompareModeParam, type CompareMode } from '../../lib/url-state'

export interface CompareModeState {
  /** The mode shown: the URL's for two takes; side by side for three or four. */
  mode: CompareMode
  setMode: (mode: CompareMode) => void
  /** Flip: the slot in view (0 or 1). */
  shown: 0 | 1
  /** F: into flip, then between the two takes in place. */
  flip: () => void
  /** Flip: show this slot. */
  show: (slot: 0 | 1) => void
  /** Wipe: the divider, in percent of the frame's width. */
  wipe: number
  setWipe: (percent: number) => void
  /** Overlay: take 2's opacity over take 1, in percent. */
  opacity: number
  setOpacity: (percent: number) => void
}

export function useCompareMode(count: number): CompareModeState {
  const [wanted, setMode] = useCompareModeParam()
  const mode = count === 2 ? wanted : 'side'
  const [shown, setShown] = useState<0 | 1>(0)
  const [wipe, setWipe] = useState(50)
  const [opacity, setOpacity] = useState(50)
  const flip = () => {
    if (count !== 2) return
    if (mode === 'flip') setShown((slot) => (slot === 0 ? 1 : 0))
    else setMode('flip')
  }
  return { mode, setMode, shown, flip, show: setShown, wipe, setWipe, opacity, setOpacity }
}
