import { chromium, type Browser, type Page } from 'playwright-core'
import { spawnChild } from './child'
import { chromiumPath, CHROMIUM_FLAGS } from './chromium'
import type { Bench } from './context'
import { INIT_SCRIPT, SCROLL_SCRIPT, type PageState, type ScrollResult } from './gallery-page'
import { renderOneTake, seedTakes } from './seed'
import { MB, median } from './stats'
import type { StudioChildConfig } from './studio-child'
import { fixed, row, type Row } from './table'

const TAKES = 2000
const LOADS = 3
const FIRST_THUMB_TIMEOUT = 20_000
const VIEWPORT = { width: 1440, height: 900 }
/** A region named Takes as tall as the 2,000-take grid, with nothing in it. */
const NOISE_PAGE =
  '<!doctype html><section aria-label="Takes" style="height:100vh;overflow:auto"><div style="height:100000px"></div></section>'

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  dur?: number
  args?: { name?: string }
}

/** The longest task on any renderer main thread in a Chromium trace, in ms. */
function longestTraceTask(trace: Buffer): number {
  const parsed = JSON.parse(trace.toString()) as { traceEvents?: TraceEvent[] } | TraceEvent[]
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? [])
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  )
  let longest = 0
  for (const e of events) {
    if (e.ph === 'X' && e.name === 'RunTask' && mains.has(`${e.pid}:${e.tid}`))
      longest = Math.max(longest, (e.dur ?? 0) / 1000)
  }
  return longest
}

/** A fresh context (empty cache) on the studio; answers when the first thumbnail showed, or null. */
async function load(
  browser: Browser,
  url: string,
): Promise<{
  page: Page
  firstThumb: number | null
  listed: Set<string>
  close: () => Promise<void>
}> {
  const context = await browser.newContext({ viewport: VIEWPORT })
  const page = await context.newPage()
  await page.addInitScript({ content: INIT_SCRIPT })
  // Every take the page was sent by a list request, to tell whether scrolling reached them all.
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
  return { page, firstThumb: shown ? state.firstThumb : null, listed, close: () => context.close() }
}

/**
 * 3. Gallery at scale: 2,000 takes in the store, Chromium through playwright-core: time to the
 * first thumbnails (median of 3 cold loads), elements, JS heap, longest task while scrolling.
 */
export const benchGallery: Bench = async (ctx) => {
  const { outDir } = await ctx.build()
  const take = await renderOneTake(ctx.runTempDir('take'))
  const dataDir = ctx.tempDir('gallery')
  seedTakes(dataDir, TAKES, take)
  const studio = await spawnChild('studio-child.ts', {
    dataDir,
    distDir: outDir,
    logLevel: 'warn',
  } satisfies StudioChildConfig)
  ctx.defer(() => studio.close())
  const url = `http://127.0.0.1:${await studio.call<number>('port')}/`

  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS })
  ctx.defer(() => browser.close())
  const firsts: Array<number | null> = []
  for (let i = 1; i < LOADS; i++) {
    const run = await load(browser, url)
    firsts.push(run.firstThumb)
    await run.close()
  }
  const { page, firstThumb, listed, close } = await load(browser, url)
  ctx.defer(close)
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

  ctx.log('gallery: scrolling to the bottom')
  await browser.startTracing(page, {
    categories: ['toplevel', 'disabled-by-default-devtools.timeline'],
  })
  const scroll = await page.evaluate<ScrollResult>(SCROLL_SCRIPT)
  const traced = longestTraceTask(await browser.stopTracing())
  const state = await page.evaluate<PageState>('window.__bench')
  const longTasks = state.longTasks.filter((t) => t.start >= scroll.start)
  const longest = Math.max(0, ...longTasks.map((t) => t.duration))
  const heapAfter = await heap()
  const maxNodes = Math.max(nodesBefore, scroll.maxNodes)

  // The same scroll on a page with nothing in it: what this machine's noise alone makes of a task.
  const blank = await browser.newContext({ viewport: VIEWPORT })
  ctx.defer(() => blank.close())
  const quiet = await blank.newPage()
  await quiet.addInitScript({ content: INIT_SCRIPT })
  await quiet.goto(`data:text/html,${encodeURIComponent(NOISE_PAGE)}`)
  const noiseScroll = await quiet.evaluate<ScrollResult>(SCROLL_SCRIPT)
  const noise = (await quiet.evaluate<PageState>('window.__bench')).longTasks.filter(
    (t) => t.start >= noiseScroll.start,
  )
  const noiseLongest = Math.max(0, ...noise.map((t) => t.duration))

  const first = median(firsts.map((t) => t ?? Number.POSITIVE_INFINITY))
  const rows: Row[] = [
    row(
      '3',
      `navigation → first thumbnails (median of ${LOADS} cold)`,
      ready
        ? `${fixed(first, 0)} ms (${firsts.map((t) => fixed(t ?? Number.NaN, 0)).join(', ')})`
        : `no thumbnail within ${FIRST_THUMB_TIMEOUT / 1000} s${galleryFound ? '' : ' (no region named "Takes")'}`,
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
    row(
      '3',
      'longest task while scrolling',
      longTasks.length > 0
        ? `${fixed(longest, 0)} ms (${longTasks.length} long tasks)`
        : `none ≥ 50 ms (trace: longest ${fixed(traced, 0)} ms)`,
      '< 50 ms',
      longest < 50,
    ),
    row(
      '3',
      'same scroll of an empty page: longest task (noise)',
      noise.length > 0
        ? `${fixed(noiseLongest, 0)} ms (${noise.length} long tasks)`
        : 'none ≥ 50 ms',
    ),
    row(
      '3',
      'scroll: takes listed, steps, time',
      `${listed.size.toLocaleString('en')} of ${TAKES.toLocaleString('en')}, ${scroll.steps} steps in ${fixed(scroll.seconds)} s${scroll.found === 'document' ? ' (document scrolled: no gallery scroller found)' : ''}${scroll.reachedEnd ? '' : ', bottom not reached'}`,
    ),
  ]
  return rows
}
