import { findChromium, NO_CHROMIUM } from '../find-chromium'

export function chromiumPath(): string {
  const path = findChromium()
  if (!path) throw new Error(NO_CHROMIUM)
  return path
}
