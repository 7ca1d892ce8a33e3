import type { KeyboardEvent } from 'react'
import { FRAME_S, type VideoSync } from './use-video-sync'

const JUMP_S = 1

/** Keys typed into a field, or that a focused control answers itself, are not shortcuts. */
export function isOwnKey(event: KeyboardEvent<HTMLElement>): boolean {
  const target = event.target as HTMLElement
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  if (target instanceof HTMLInputElement) {
    // A checkbox has only Space; a slider and a text box own every key they get.
    return target.type !== 'checkbox' || event.key === ' '
  }
  return (
    event.key === ' ' &&
    (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement)
  )
}

/**
 * The editor's keys on a player: Space or K play/pause, J and L jump a second back or forward,
 * comma and full stop step one frame. Returns whether the key was one of them.
 */
export function handleTransportKey(event: KeyboardEvent<HTMLElement>, sync: VideoSync): boolean {
  if (event.metaKey || event.ctrlKey || event.altKey || isOwnKey(event)) return false
  const step = (delta: number) => {
    sync.pause()
    sync.seekBy(delta)
  }
  switch (event.key.toLowerCase()) {
    case ' ':
    case 'k':
      sync.toggle()
      break
    case 'j':
      sync.seekBy(-JUMP_S)
      break
    case 'l':
      sync.seekBy(JUMP_S)
      break
    case ',':
      step(-FRAME_S)
      break
    case '.':
      step(FRAME_S)
      break
    default:
      return false
  }
  event.preventDefault()
  return true
}
