/**
 * Code that runs in the page, kept as plain JavaScript text: functions passed to Playwright are
 * sent as their source, and the TypeScript runner would add helpers the page does not have.
 */

/** What the page collects; read back with `window.__bench`. */
export interface PageState {
  longTasks: Array<{ start: number; duration: number }>
  firstThumb: number | null
}

export interface ScrollResult {
  found: 'gallery' | 'document'
  steps: number
  start: number
  seconds: number
  maxNodes: number
  scrollHeight: number
  reachedEnd: boolean
  images: number
}

/**
 * Installed before navigation: a long-task observer, and the moment the first thumbnail (an img
 * in the region named "Takes", loaded and in view) is there. The region is found by its
 * accessible name (aria-label or aria-labelledby), as a person or a test would find it.
 */
export const INIT_SCRIPT = `(() => {
  const state = { longTasks: [], firstThumb: null }
  window.__bench = state
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.longTasks.push({ start: e.startTime, duration: e.duration })
  }).observe({ type: 'longtask', buffered: true })
  const nameOf = (el) => {
    const label = el.getAttribute('aria-label')
    if (label) return label.trim()
    const by = el.getAttribute('aria-labelledby')
    return by ? by.split(/\\s+/).map((id) => document.getElementById(id)?.textContent?.trim() ?? '').join(' ').trim() : ''
  }
  window.__benchGallery = () =>
    [...document.querySelectorAll('section, [role="region"]')].find((el) => /^(takes|gallery)$/i.test(nameOf(el))) ?? null
  const inView = (img) => {
    const r = img.getBoundingClientRect()
    return img.complete && img.naturalWidth > 0 && r.width > 0 && r.height > 0 &&
      r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth
  }
  window.__benchCheck = () => {
    if (state.firstThumb !== null) return true
    const root = window.__benchGallery()
    if (root && [...root.querySelectorAll('img')].some(inView)) state.firstThumb = performance.now()
    return state.firstThumb !== null
  }
  document.addEventListener('load', (event) => {
    if (event.target instanceof HTMLImageElement) window.__benchCheck()
  }, true)
})()`

/**
 * Scrolls the gallery's scroll container (the element inside or around the region that scrolls;
 * the document when none does) from top to bottom, one 80 % screenful at a time, two frames and
 * 16 ms apart, waiting at the bottom while more takes load. Counts elements at every step.
 */
export const SCROLL_SCRIPT = `(async () => {
  const root = window.__benchGallery()
  const scrolls = (el) => {
    const style = getComputedStyle(el)
    return /(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 10
  }
  const around = []
  for (let el = root; el; el = el.parentElement) around.push(el)
  const candidates = root ? [...root.querySelectorAll('*'), ...around].filter(scrolls) : []
  candidates.sort((a, b) => b.scrollHeight - a.scrollHeight)
  const el = candidates[0] ?? document.scrollingElement
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()))
  const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
  el.scrollTop = 0
  await frame(); await frame()
  const start = performance.now()
  let steps = 0, maxNodes = 0, lastGrowth = performance.now(), height = el.scrollHeight, reachedEnd = false
  while (performance.now() - start < 90000 && steps < 2000) {
    el.scrollTop += Math.max(100, el.clientHeight * 0.8)
    steps += 1
    await frame(); await frame(); await wait(16)
    maxNodes = Math.max(maxNodes, document.getElementsByTagName('*').length)
    if (el.scrollHeight > height) { height = el.scrollHeight; lastGrowth = performance.now() }
    const atBottom = el.scrollTop + el.clientHeight >= el.scrollHeight - 2
    if (atBottom && performance.now() - lastGrowth > 2000) { reachedEnd = true; break }
    if (atBottom) await wait(100)
  }
  return {
    found: candidates[0] ? 'gallery' : 'document',
    steps, start, seconds: (performance.now() - start) / 1000, maxNodes,
    scrollHeight: el.scrollHeight, reachedEnd,
    images: root ? root.querySelectorAll('img').length : 0,
  }
})()`
