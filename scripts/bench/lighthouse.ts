import { launch, type LaunchedChrome } from 'chrome-launcher'
import lighthouse, { desktopConfig, type Config, type Result } from 'lighthouse'
import { CHROMIUM_FLAGS } from '../find-chromium'
import { chromiumPath } from './chromium'
import type { Bench, BenchContext } from './context'
import { startGalleryStudio } from './gallery-studio'
import { median } from './stats'
import { fixed, row, type Row } from './table'

const TAKES = 60
/** Lighthouse's own advice for a noisy machine: several runs, the median. */
const RUNS = 3
/** No further run of a profile is started after this long: a loaded machine makes each slow. */
const BUDGET_MS = 150_000

/**
 * Lighthouse's two presets: `mobile` is its default (a mid-range phone: 4× CPU slowdown, slow 4G
 * simulated), `desktop` its desktop preset. Both against the same studio in the same run.
 */
const PROFILES = [
  { name: 'mobile', config: undefined, perfTarget: 90 },
  { name: 'desktop', config: desktopConfig, perfTarget: 99 },
] as const satisfies ReadonlyArray<{ name: string; config: Config | undefined; perfTarget: number }>
const A11Y_TARGET = 100

const score = (lhr: Result, category: string): number =>
  Math.round((lhr.categories[category]?.score ?? 0) * 100)
const metric = (lhr: Result, audit: string): number => lhr.audits[audit]?.numericValue ?? Number.NaN

/** The audits of a category that did not pass, by id. */
function failing(lhr: Result, category: string): string[] {
  const refs = lhr.categories[category]?.auditRefs ?? []
  return refs
    .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
    .map((ref) => ref.id)
}

/** Opportunities worth 50 ms or more, largest first, e.g. `uses-text-compression 310 ms`. */
function opportunities(lhr: Result): string[] {
  return Object.values(lhr.audits)
    .map((audit) => {
      const details = audit.details as { type?: string; overallSavingsMs?: number } | undefined
      return {
        id: audit.id,
        ms: details?.type === 'opportunity' ? (details.overallSavingsMs ?? 0) : 0,
      }
    })
    .filter((o) => o.ms >= 50)
    .sort((a, b) => b.ms - a.ms)
    .map((o) => `${o.id} ${fixed(o.ms, 0)} ms`)
}

/** Where the main thread's time went, largest first: what to cut next for TBT. */
function mainThread(lhr: Result): string {
  const items =
    (
      lhr.audits['mainthread-work-breakdown']?.details as
        { items?: Array<{ groupLabel?: string; duration?: number }> } | undefined
    )?.items ?? []
  return items
    .slice(0, 4)
    .map((item) => `${item.groupLabel ?? '?'} ${fixed(item.duration ?? 0, 0)}`)
    .join(', ')
}

/** The longest main-thread tasks, by the script they ran, e.g. `react-dom-….js 412 ms`: what TBT is made of. */
function longTasks(lhr: Result): string {
  const items =
    (
      lhr.audits['long-tasks']?.details as
        { items?: Array<{ url?: string; duration?: number }> } | undefined
    )?.items ?? []
  return items
    .slice(0, 4)
    .map(
      (item) =>
        `${(item.url ?? '?').split('/').pop() || 'document'} ${fixed(item.duration ?? 0, 0)} ms`,
    )
    .join(', ')
}

async function runProfile(
  ctx: BenchContext,
  chrome: LaunchedChrome,
  url: string,
  profile: (typeof PROFILES)[number],
): Promise<Row[]> {
  const results: Result[] = []
  const errors: string[] = []
  // A loaded machine now and then spoils a trace (NO_NAVSTART…): such a run is retried.
  const started = Date.now()
  while (results.length < RUNS && errors.length <= RUNS) {
    if (results.length > 0 && Date.now() - started > BUDGET_MS) break
    ctx.log(`lighthouse: ${profile.name} run ${results.length + 1} of ${RUNS}`)
    const run = await lighthouse(
      url,
      {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
        disableFullPageScreenshot: true,
      },
      profile.config,
    )
    if (!run) throw new Error('Lighthouse returned no result')
    if (run.lhr.runtimeError) errors.push(run.lhr.runtimeError.code)
    else results.push(run.lhr)
  }
  if (results.length === 0)
    throw new Error(`every ${profile.name} Lighthouse run failed: ${errors.join(', ')}`)
  const perf = median(results.map((r) => score(r, 'performance')))
  const a11y = median(results.map((r) => score(r, 'accessibility')))
  const typical = results.find((r) => score(r, 'performance') === perf) ?? results[0]
  if (!typical) throw new Error('no Lighthouse run')
  const ms = (audit: string) => `${fixed(metric(typical, audit), 0)} ms`
  const missed = [
    ...new Set(
      results.flatMap((r) => [...failing(r, 'performance'), ...failing(r, 'accessibility')]),
    ),
  ]
  const name = profile.name
  return [
    row(
      '2',
      `${name}: performance score (median of ${results.length})`,
      `${perf} (${results.map((r) => score(r, 'performance')).join(', ')})`,
      `≥ ${profile.perfTarget}`,
      perf >= profile.perfTarget,
    ),
    row('2', `${name}: accessibility score`, `${a11y}`, `${A11Y_TARGET}`, a11y >= A11Y_TARGET),
    row(
      '2',
      `${name}: FCP / LCP / TBT / CLS (median run)`,
      `${ms('first-contentful-paint')} / ${ms('largest-contentful-paint')} / ${ms('total-blocking-time')} / ${fixed(metric(typical, 'cumulative-layout-shift'), 3)}`,
    ),
    row('2', `${name}: main thread, ms (median run)`, mainThread(typical)),
    row('2', `${name}: longest tasks (median run)`, longTasks(typical) || 'none'),
    row('2', `${name}: audits not passed`, missed.length > 0 ? missed.join(', ') : 'none'),
    row('2', `${name}: opportunities (median run)`, opportunities(typical).join(', ') || 'none'),
    row(
      '2',
      `${name}: Lighthouse CPU index of this machine (runs)`,
      results.map((r) => fixed(r.environment.benchmarkIndex, 0)).join(', '),
    ),
    ...(errors.length > 0 ? [row('2', `${name}: runs spoilt and retried`, errors.join(', '))] : []),
  ]
}

/**
 * 2. Lighthouse, mobile (its default profile) and desktop, on the studio page with 60 completed
 * takes in the gallery.
 */
export const benchLighthouse: Bench = async (ctx) => {
  const url = `${await startGalleryStudio(ctx, 'lighthouse', TAKES)}/`
  const chrome = await launch({
    chromePath: chromiumPath(),
    chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
    logLevel: 'silent',
  })
  ctx.defer(() => chrome.kill())
  const rows: Row[] = []
  for (const profile of PROFILES) rows.push(...(await runProfile(ctx, chrome, url, profile)))
  return rows
}
