import { useEffect, useRef } from 'react'

/** C, pressed anywhere but in a field or an open dialog, opens compare for the selection. */
export function useCompareKey(compare: (() => void) | null): void {
  const latest = useRef(compare)
  useEffect(() => {
    latest.current = compare
  })
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'c' || event.metaKey || event.ctrlKey || event.altKey) return
      const target = event.target as HTMLElement | null
      if (
        target?.closest('input:not([type=checkbox]), textarea, select, [contenteditable], dialog')
      )
        return
      if (!latest.current) return
      event.preventDefault()
      latest.current()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])
}
