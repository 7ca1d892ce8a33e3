import { useSyncExternalStore } from 'react'

/**
 * What the review screens keep in the address bar, so a take or a comparison can be bookmarked
 * and reopened: `?take=id` (the viewer) and `?compare=id1,id2` (2–4 takes side by side, or two
 * in `&mode=wipe|flip|difference|overlay`).
 */
const CHANGE = 'dailies:urlchange'
const OVERLAY_MARK = 'dailiesOverlay'

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener)
  window.addEventListener(CHANGE, listener)
  return () => {
    window.removeEventListener('popstate', listener)
    window.removeEventListener(CHANGE, listener)
  }
}

/** The address bar's `?…`, re-rendering on every change made here or by Back/Forward. */
export function useUrlSearch(): string {
  return useSyncExternalStore(subscribe, () => window.location.search)
}

function withParam(name: string, value: string | null): string {
  const url = new URL(window.location.href)
  if (value === null) url.searchParams.delete(name)
  else url.searchParams.set(name, value)
  // Commas stay readable: ?compare=job_a,job_b rather than job_a%2Cjob_b.
  return `${url.pathname}${url.search.replaceAll('%2C', ',')}${url.hash}`
}

/**
 * Opening an overlay pushes a history entry, so Back closes it; closing one we opened goes back,
 * so the history does not fill with open/close pairs. A bookmarked one is closed in place.
 */
export function setUrlParam(name: string, value: string | null): void {
  const state: unknown = window.history.state
  const openedHere =
    typeof state === 'object' && state !== null && (state as Record<string, unknown>)[OVERLAY_MARK]
  if (value === null && openedHere === name) {
    window.history.back()
    return
  }
  if (value !== null && openedHere === name) {
    window.history.replaceState(state, '', withParam(name, value))
  } else if (value !== null) {
    window.history.pushState({ [OVERLAY_MARK]: name }, '', withParam(name, value))
  } else {
    window.history.replaceState(null, '', withParam(name, value))
  }
  window.dispatchEvent(new Event(CHANGE))
}

/**
 * Settings that are part of the page rather than an overlay (the gallery's search and filters):
 * written in place, so typing a search does not fill the history, and kept on reload.
 */
export function replaceUrlParams(values: Record<string, string | null>): void {
  const url = new URL(window.location.href)
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === '') url.searchParams.delete(name)
    else url.searchParams.set(name, value)
  }
  const next = `${url.pathname}${url.search.replaceAll('%2C', ',')}${url.hash}`
  window.history.replaceState(window.history.state, '', next)
  window.dispatchEvent(new Event(CHANGE))
}

export function useUrlParam(name: string): string | null {
  return new URLSearchParams(useUrlSearch()).get(name)
}

/** The viewer's take, `?take=id`. */
export function useTakeParam(): [string | null, (id: string | null) => void] {
  return [useUrlParam('take'), (id) => setUrlParam('take', id)]
}

export const COMPARE_MAX = 4

/** The compared takes, `?compare=id1,id2`: at most four, no repeats. Closing drops the mode too. */
export function useCompareParam(): [string[], (ids: string[]) => void] {
  const raw = useUrlParam('compare')
  const ids = raw ? [...new Set(raw.split(',').filter(Boolean))].slice(0, COMPARE_MAX) : []
  return [
    ids,
    (next) => {
      if (next.length === 0) replaceUrlParams({ mode: null })
      setUrlParam('compare', next.length > 0 ? next.join(',') : null)
    },
  ]
}

/** How two compared takes are shown; side by side is the default (and the only way for 3–4). */
export const COMPARE_MODES = ['side', 'wipe', 'flip', 'difference', 'overlay'] as const
export type CompareMode = (typeof COMPARE_MODES)[number]

/** `&mode=wipe`: switched in place (not a history step), kept on reload. */
export function useCompareModeParam(): [CompareMode, (mode: CompareMode) => void] {
  const raw = useUrlParam('mode')
  const mode = COMPARE_MODES.find((known) => known === raw) ?? 'side'
  return [mode, (next) => replaceUrlParams({ mode: next === 'side' ? null : next })]
}

/**
 * The reels: `?reel=id` opens one (its player, shots and export), `?reel=all` the list of reels.
 */
export const REEL_LIST = 'all'
export function useReelParam(): [string | null, (id: string | null) => void] {
  return [useUrlParam('reel'), (id) => setUrlParam('reel', id)]
}
