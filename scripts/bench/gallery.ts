import { chromium, type Browser, type Page } from 'playwright-core'
import { CHROMIUM_FLAGS } from '../find-chromium'
import { chromiumPath } from './chromium'
import type { Bench } from './context'
import { topSelfTime, type CpuProfile } from './cpu-profile'
import {
  INIT_SCRIPT,
  SCROLL_SETUP,
  SCROLL_STEP,
  staticGallery,
  type PageState,
  type ScrollSetup,
  type ScrollStep,
} from './gallery-page'
import { startGalleryStudio } from './gallery-studio'
import { completedRecord } from './seed'
import { MB, median } from './stats'
import { fixed, row } from './table'

const TAKES = 2000
const LOADS = 3
const FIRST_THUMB_TIMEOUT = 20_000
/** How long a scroll may take; a loaded machine may not reach the bottom in it (then said so). */
const SCROLL_TIMEOUT = 60_000
const VIEWPORT = { width: 1440, height: 900 }
const SCROLL_RATIO_TARGET = 1.2

interface Loaded {
  page: Page
  firstThumb: number | null
  /** Every take the page was sent by a list request. */
  listed: Set<string>
}

/** A fresh context (empty cache): the moment the first thumbnail showed, or null. */
async function load(browser: Browser, url: string): Promise<Loaded> {
  const context = await browser.newContext({ viewport: VIEWPORT })
  const page = await context.newPage()
  await page.addInitScript({ content: INIT_SCRIPT })
  const listed = new Set<string>()
  page.on('response', (response) => {
    if (!/\/api\/jobs\?/.test(response.url())) return
    response
      .json()
      .then((body: { items?: Array<{ id: string }> }) =>
        body.items?.forEach((job) => listed.add(job.id)),
      )
      .catch(() => {})
  })
  await page.goto(url, { waitUntil: 'commit' })
  // Polled from here: the studio's CSP forbids the eval that waitForFunction would need. The
  // moment itself is taken in the page, by the load listener, so polling adds no delay to it.
  let shown = false
  for (const deadline = Date.now() + FIRST_THUMB_TIMEOUT; !shown && Date.now() < deadline;) {
    shown = await page.evaluate<boolean>(
      'typeof window.__benchCheck === "function" && window.__benchCheck()',
    )
    if (!shown) await page.waitForTimeout(50)
  }
  const state = await page.evaluate<PageState>('window.__bench')
  return { page, firstThumb: shown ? state.firstThumb : null, listed }
}

/**
 * Scrolls the gallery from top to bottom with the mouse wheel, 80 % of its height a step, as a
 * person would, waiting at the bottom while more takes load. Long tasks are counted from the
 * first step.
 */
async function scrollToBottom(page: Page) {
  const setup = await page.evaluate<ScrollSetup>(SCROLL_SETUP)
  await page.mouse.move(setup.x, setup.y)
  const started = Date.now()
  let steps = 0
  let maxNodes = 0
  let height = 0
  let lastGrowth = Date.now()
  let reachedEnd = false
  while (Date.now() - started < SCROLL_TIMEOUT) {
    await page.mouse.wheel(0, Math.max(100, Math.round(setup.height * 0.8)))
    steps += 1
    const step = await page.evaluate<ScrollStep>(SCROLL_STEP)
    maxNodes = Math.max(maxNodes, step.nodes)
    if (step.scrollHeight > height) {
      height = step.scrollHeight
      lastGrowth = Date.now()
    }
    if (step.atBottom && Date.now() - lastGrowth > 2000) {
      reachedEnd = true
      break
    }
    if (step.atBottom) await page.waitForTimeout(100)
  }
  const state = await page.evaluate<PageState>('window.__bench')
  const longTasks = state.longTasks.filter((t) => t.start >= setup.start)
  return {
    found: setup.found,
    steps,
    seconds: (Date.now() - started) / 1000,
    maxNodes,
    reachedEnd,
    longTasks: longTasks.length,
    longest: Math.max(0, ...longTasks.map((t) => t.duration)),
  }
}

const taskText = (s: { longTasks: number; longest: number }) =>
  s.longTasks > 0 ? `${fixed(s.longest, 0)} ms (${s.longTasks} long tasks)` : 'none ≥ 50 ms'

/**
 * 3. Gallery at scale: 2,000 takes in the store, Chromium through playwright-core: time to the
 * first thumbnails (median of 3 cold loads), elements, JS heap, longest task while scrolling,
 * beside the same scroll of a static page holding the same 2,000 thumbnails.
 */
export const benchGallery: Bench = async (ctx) => {
  const origin = await startGalleryStudio(ctx, 'gallery', TAKES)
  const { outDir } = await ctx.build()

  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS })
  ctx.defer(() => browser.close())
  const firsts: Array<number | null> = []
  for (let i = 1; i < LOADS; i++) {
    const run = await load(browser, `${origin}/`)
    firsts.push(run.firstThumb)
    await run.page.context().close()
  }
  const { page, firstThumb, listed } = await load(browser, `${origin}/`)
  firsts.push(firstThumb)
  const ready = firsts.every((t) => t !== null)
  const galleryFound = await page.evaluate<boolean>('window.__benchGallery() !== null')
  ctx.log(
    `gallery: first thumbnails at ${firsts.map((t) => (t === null ? 'never' : `${fixed(t, 0)} ms`)).join(', ')}`,
  )

  await page.waitForTimeout(1000)
  const cdp = await page.context().newCDPSession(page)
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage')
    return (await cdp.send('Runtime.getHeapUsage')).usedSize / MB
  }
  const heapBefore = await heap()
  const nodesBefore = await page.evaluate<number>("document.getElementsByTagName('*').length")
  ctx.log('gallery: scrolling the studio to the bottom, profiling it')
  // Sampled every 0.5 ms: which code the scroll's long tasks spend their time in.
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
  await cdp.send('Profiler.start')
  const app = await scrollToBottom(page)
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }
  const contributors = topSelfTime(profile, outDir, 6)
  const heapAfter = await heap()
  const maxNodes = Math.max(nodesBefore, app.maxNodes)
  await page.context().close()

  // The baseline, served at the studio's origin (its thumbnails are same-origin only).
  ctx.log('gallery: scrolling a static page of the same thumbnails')
  const baseline = await browser.newContext({ viewport: VIEWPORT })
  const plain = await baseline.newPage()
  await plain.addInitScript({ content: INIT_SCRIPT })
  // The pictures the studio's tiles pick here: the tile-sized stills (a 9:16 take is drawn about
  // 80 px wide at this viewport, well under the still's 270).
  const thumbnails = Array.from(
    { length: TAKES },
    (_, i) => `/api/jobs/${completedRecord(TAKES - i).id}/still`,
  )
  await plain.route(`${origin}/bench-static-gallery`, (route) =>
    route.fulfill({ contentType: 'text/html', body: staticGallery(thumbnails) }),
  )
  await plain.goto(`${origin}/bench-static-gallery`)
  const still = await scrollToBottom(plain)
  await baseline.close()

  // A page with no long task at all counts as 50 ms, the threshold of one.
  const scrollRatio = Math.max(app.longest, 50) / Math.max(still.longest, 50)
  const first = median(firsts.map((t) => t ?? Number.POSITIVE_INFINITY))
  const notReady = `no thumbnail within ${FIRST_THUMB_TIMEOUT / 1000} s${galleryFound ? '' : ' (no region named "Takes")'}`
  return [
    row(
      '3',
      `navigation → first thumbnails (median of ${LOADS} cold)`,
      ready
        ? `${fixed(first, 0)} ms (${firsts.map((t) => fixed(t ?? Number.NaN, 0)).join(', ')})`
        : notReady,
      '—',
      ready ? null : false,
    ),
    row(
      '3',
      'elements in the DOM, max while scrolling',
      `${maxNodes.toLocaleString('en')} (${nodesBefore.toLocaleString('en')} at first)`,
      '≤ 1,500',
      maxNodes <= 1500,
    ),
    row(
      '3',
      'JS heap after scrolling (after GC)',
      `${fixed(heapAfter)} MB (${fixed(heapBefore)} MB before)`,
      '≤ 80 MB',
      heapAfter <= 80,
    ),
    row('3', 'longest task while scrolling', taskText(app), '< 50 ms', app.longest < 50),
    row('3', '… same scroll, static page of the thumbnails', taskText(still)),
    row(
      '3',
      'longest scroll task, studio ÷ static page',
      fixed(scrollRatio, 2),
      `≤ ${SCROLL_RATIO_TARGET}`,
      scrollRatio <= SCROLL_RATIO_TARGET,
    ),
    row(
      '3',
      'main thread while scrolling the studio, self ms by source',
      contributors.map((c) => `${c.what} ${fixed(c.ms, 0)}`).join(', '),
    ),
    row(
      '3',
      'scroll: takes listed, wheel steps, time',
      `${listed.size.toLocaleString('en')} of ${TAKES.toLocaleString('en')}, ${app.steps} steps, ${fixed(app.seconds)} s${app.found === 'document' ? ' (no gallery scroller: document)' : ''}${app.reachedEnd ? '' : ', bottom not reached'}`,
    ),
  ]
}
