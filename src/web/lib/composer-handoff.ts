import { useSyncExternalStore } from 'react'
import type { Fit } from '../../contract/api'

/**
 * Settings handed to the composer from elsewhere ("Reuse settings", "Continue from here").
 * The reference travels as a same-origin URL the composer fetches into a File.
 */
export interface ComposerPreset {
  prompt: string
  model: string
  size: string
  seconds: number
  fit?: Fit
  reference?: { url: string; fileName: string } | null
  /** The last frame, for models that take two references (null clears the slot). */
  lastFrame?: { url: string; fileName: string } | null
  /** Shown by the composer, e.g. "Settings from take 3f2a…" or "Last frame of …". */
  note?: string
}

let current: { preset: ComposerPreset; serial: number } | null = null
let serial = 0
const listeners = new Set<() => void>()

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Hands settings to the composer, which applies them once. */
export function sendToComposer(preset: ComposerPreset): void {
  current = { preset, serial: ++serial }
  for (const listener of listeners) listener()
}

/** The composer's side: the latest preset not yet applied, and a way to mark it applied. */
export function useComposerHandoff(): {
  pending: { preset: ComposerPreset; serial: number } | null
  markApplied: (serial: number) => void
} {
  const pending = useSyncExternalStore(subscribe, () => current)
  return {
    pending,
    markApplied: (applied) => {
      if (current?.serial === applied) current = null
    },
  }
}
