import { useSyncExternalStore } from 'react'

const KEY = 'dailies:author'
const CHANGE = 'dailies:author'

function read(): string {
  try {
    return localStorage.getItem(KEY) ?? ''
  } catch {
    return ''
  }
}

function subscribe(listener: () => void): () => void {
  window.addEventListener(CHANGE, listener)
  return () => window.removeEventListener(CHANGE, listener)
}

/**
 * Who writes the notes in this browser: asked once, then remembered (there are no accounts).
 * An empty name means not asked yet.
 */
export function useAuthor(): [string, (name: string) => void] {
  const author = useSyncExternalStore(subscribe, read, () => '')
  const setAuthor = (name: string) => {
    try {
      localStorage.setItem(KEY, name.trim())
    } catch {
      // Storage refused (private mode): the name is asked again next time.
    }
    window.dispatchEvent(new Event(CHANGE))
  }
  return [author, setAuthor]
}
