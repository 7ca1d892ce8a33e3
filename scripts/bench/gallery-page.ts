/**
 * Code that runs in the page, kept as plain JavaScript text: functions passed to Playwright are
 * sent as their source, and the TypeScript runner would add helpers the page does not have.
 */

/** What the page collects; read back with `window.__bench`. */
export interface PageState {
  longTasks: Array<{ start: number; duration: number }>
  firstThumb: number | null
}

/** Where the gallery scrolls: its container's centre, for the mouse wheel. */
export interface ScrollSetup {
  found: 'gallery' | 'document'
  x: number
  y: number
  height: number
  start: number
}

export interface ScrollStep {
  atBottom: boolean
  scrollHeight: number
  nodes: number
  now: number
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
 * Finds the gallery's scroll container (the element inside or around the region that scrolls;
 * the document when none does), marks it, scrolls it to the top and answers its centre.
 */
export const SCROLL_SETUP = `(async () => {
  const root = window.__benchGallery()
  const scrolls = (el) => /(auto|scroll)/.test(getComputedStyle(el).overflowY) && el.scrollHeight > el.clientHeight + 10
  const around = []
  for (let el = root; el; el = el.parentElement) around.push(el)
  const candidates = root ? [...root.querySelectorAll('*'), ...around].filter(scrolls) : []
  candidates.sort((a, b) => b.scrollHeight - a.scrollHeight)
  const el = candidates[0] ?? document.scrollingElement
  window.__benchScroller = el
  el.scrollTop = 0
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
  const box = candidates[0] ? el.getBoundingClientRect() : { left: 0, top: 0, width: innerWidth, height: innerHeight }
  return {
    found: candidates[0] ? 'gallery' : 'document',
    x: box.left + box.width / 2,
    y: box.top + Math.min(box.height, innerHeight - box.top) / 2,
    height: el.clientHeight,
    start: performance.now(),
  }
})()`

/** After a wheel step: two frames and 16 ms, then where the scroller is and how many elements. */
export const SCROLL_STEP = `(async () => {
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
  await new Promise((resolve) => setTimeout(resolve, 16))
  const el = window.__benchScroller
  return {
    atBottom: el.scrollTop + el.clientHeight >= el.scrollHeight - 2,
    scrollHeight: el.scrollHeight,
    nodes: document.getElementsByTagName('*').length,
    now: performance.now(),
  }
})()`

/**
 * The baseline page: the same 2,000 thumbnails as a plain static grid in a region named Takes,
 * no script, every tile in the DOM, images loading lazily. What the browser alone makes of it.
 */
export function staticGallery(thumbnails: readonly string[]): string {
  const tiles = thumbnails
    .map(
      (src, i) =>
        `<figure><img src="${src}" alt="" loading="lazy" decoding="async"><figcaption>Take ${i + 1}</figcaption></figure>`,
    )
    .join('')
  return `<!doctype html><html><head><style>
    body { margin: 0; background: #0a0a0b; color: #ccc; font: 13px system-ui, sans-serif }
    section { margin-left: 380px; height: 100vh; overflow-y: auto }
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(208px, 1fr)); gap: 12px; padding: 20px }
    figure { margin: 0; background: #000 } img { display: block; width: 100%; aspect-ratio: 16 / 9; object-fit: contain }
    figcaption { padding: 8px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis }
  </style></head><body><section aria-label="Takes"><div class="grid">${tiles}</div></section></body></html>`
}
