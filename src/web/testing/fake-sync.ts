import { vi } from 'vitest'
import type { VideoSync } from '../lib/use-video-sync'

/** A player's transport with every action a spy, paused at `currentTime` of a 4 s take at 24 fps. */
export function fakeSync(overrides: Partial<VideoSync> = {}): VideoSync {
  return {
    register: () => () => () => undefined,
    playing: false,
    currentTime: 1,
    duration: 4,
    loop: false,
    rate: 1,
    reverse: false,
    fps: 24,
    muted: false,
    toggle: vi.fn(),
    shuttle: vi.fn(),
    stepFrame: vi.fn(),
    pause: vi.fn(),
    seek: vi.fn(),
    seekBy: vi.fn(),
    setLoop: vi.fn(),
    setRate: vi.fn(),
    setMuted: vi.fn(),
    ...overrides,
  }
}
