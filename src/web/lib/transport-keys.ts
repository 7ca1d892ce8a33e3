import { useEffect, useRef, type RefObject } from 'react'
import type { VideoSync } from './use-video-sync'

/**
 * The keyboard of a player or a comparison, as an editor expects it (docs/keyboard.md):
 * Space play/pause · K pause (never plays) · L forward, faster each press · J backwards, faster
 * each press · , . one frame · Home End the ends. They work wherever the focus is in the player,
 * the seek bar and the transport's buttons included, except in a text field, or in a dialog
 * opened over the player.
 */
const ACTIONS: Record<string, (sync: VideoSync) => void> = {
  ' ': (sync) => sync.toggle(),
  k: (sync) => sync.pause(),
  l: (sync) => sync.shuttle(1),
  j: (sync) => sync.shuttle(-1),
  ',': (sync) => sync.stepFrame(-1),
  '.': (sync) => sync.stepFrame(1),
  Home: (sync) => sync.seek(0),
  End: (sync) => sync.seek(sync.duration),
}

const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number'])
const ARROWS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown'])

/** Whether the focused element answers this key itself: text takes every key; a slider or a menu its arrows. */
export function keptByControl(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true
  if (target instanceof HTMLInputElement && TEXT_INPUTS.has(target.type)) return true
  const choosing = target instanceof HTMLSelectElement || target instanceof HTMLInputElement
  return choosing && ARROWS.has(key)
}

/** Whether the key is for the player inside `scope`: not kept by a control, not in a dialog over it. */
export function reachesPlayer(event: KeyboardEvent, scope: HTMLElement): boolean {
  if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey) return false
  if (keptByControl(event.target, event.key)) return false
  const own = scope.closest('dialog')
  const target = event.target instanceof Element ? event.target : null
  const dialog = target?.closest('dialog') ?? null
  if (dialog && dialog !== own) return false
  // A dialog opened over the player (Remix…) owns the keyboard even if its focus strayed to the page.
  return !own?.querySelector('dialog[open]')
}

/**
 * Listens on the whole document while the player is shown, so a key reaches it wherever the focus
 * fell (a clicked seek bar, a button, the page itself). `extra` takes the keys a screen adds
 * (the viewer's ← → between takes); it returns whether it used the key.
 */
export function useTransportKeys(
  sync: VideoSync,
  scope: RefObject<HTMLElement | null>,
  extra?: (event: KeyboardEvent) => boolean,
): void {
  const latest = useRef({ sync, extra })
  useEffect(() => {
    latest.current = { sync, extra }
  })
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const element = scope.current
      if (!element || !reachesPlayer(event, element)) return
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key
      const action = ACTIONS[key]
      if (event.repeat && key === ' ') return event.preventDefault()
      if (action) action(latest.current.sync)
      else if (!latest.current.extra?.(event)) return
      // Space on a focused button plays instead of pressing it.
      event.preventDefault()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [scope])
}
