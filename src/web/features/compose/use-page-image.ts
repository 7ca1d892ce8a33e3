import { useEffect, useRef } from 'react'

function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLTextAreaElement ||
    (target instanceof HTMLInputElement && target.type === 'text')
  )
}

/**
 * Takes an image pasted anywhere on the page (a screenshot, an image copied from a browser), or
 * dropped anywhere outside the drop zone, as the reference. Text pasted into a text field stays
 * text, even when the clipboard also holds a picture of it (office apps put one there), and a
 * file dropped beside the zone no longer makes the browser leave the studio for it.
 */
export function usePageImage(onFile: (file: File) => void) {
  const latest = useRef(onFile)
  useEffect(() => {
    latest.current = onFile
  })
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const file = event.clipboardData?.files[0]
      if (!file) return
      if (isTextField(event.target) && event.clipboardData?.getData('text/plain')) return
      event.preventDefault()
      latest.current(file)
    }
    const onDragOver = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault()
    }
    const onDrop = (event: DragEvent) => {
      const file = event.dataTransfer?.files[0]
      if (!file || event.defaultPrevented) return
      event.preventDefault()
      latest.current(file)
    }
    window.addEventListener('paste', onPaste)
    window.addEventListener('dragover', onDragOver)
    window.addEventListener('drop', onDrop)
    return () => {
      window.removeEventListener('paste', onPaste)
      window.removeEventListener('dragover', onDragOver)
      window.removeEventListener('drop', onDrop)
    }
  }, [])
}
