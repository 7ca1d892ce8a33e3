import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const BANNER = 'Simulator — renders are simulated, no provider key set'

/** Every layout shift from the first paint on, with what moved. */
const RECORD_SHIFTS = `
  window.__shifts = [];
  new PerformanceObserver(function (list) {
    for (const entry of list.getEntries())
      window.__shifts.push({ value: entry.value, moved: entry.sources.map(function (s) {
        return s.node && s.node.nodeType === 1 ? s.node.outerHTML.slice(0, 120) : String(s.node)
      }) })
  }).observe({ type: 'layout-shift', buffered: true })
`

/** Replies to /api slowed down, as on a phone network: whatever is drawn before they land moves if it can. */
async function slowApi(page: Page, ms: number) {
  await page.route('**/api/**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, ms))
    await route.continue()
  })
}

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1440, height: 900 },
]) {
  test(`nothing moves while the studio loads at ${viewport.width}×${viewport.height}`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport)
    await slowApi(page, 400)
    await page.addInitScript({ content: RECORD_SHIFTS })
    await page.goto('/')

    await expect(page.getByText(BANNER)).toBeVisible()
    await expect(page.getByRole('heading', { name: /^Takes/ })).toBeVisible()
    // On a phone the composer below the takes is drawn on demand, as it nears the view: scrolled
    // to, its form takes the place its skeleton held, and that must not move anything either.
    if (viewport.width < 1024)
      await page.getByRole('complementary', { name: 'Compose' }).scrollIntoViewIfNeeded()
    await expect(page.getByRole('button', { name: 'Generate' })).toBeVisible()
    await page.waitForLoadState('networkidle')
    const shifts = await page.evaluate(
      () => (window as unknown as { __shifts: Array<{ value: number }> }).__shifts,
    )
    // A font arriving may nudge a few pixels of text (thousandths); a late banner, gallery or
    // tally moved whole regions (hundredths and more).
    const total = shifts.reduce((sum, shift) => sum + shift.value, 0)
    expect(total, JSON.stringify(shifts, null, 1)).toBeLessThan(0.001)
  })
}

test('the header is on screen before any script has run', async ({ page }) => {
  let release: () => void = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/assets/*.js', async (route) => {
    await held
    await route.continue()
  })
  await page.goto('/', { waitUntil: 'commit' })

  await expect(page.getByRole('heading', { level: 1, name: 'Dailies' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Generate' })).toHaveCount(0)
  release()
  await expect(page.getByRole('button', { name: 'Generate' })).toBeVisible()
})

test('the health check index.html preloads is the one the app reads', async ({ page }) => {
  const asked: string[] = []
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/health') asked.push(request.url())
  })
  await page.goto('/')
  await expect(page.getByText(BANNER)).toBeVisible()
  await page.waitForLoadState('networkidle')
  expect(asked).toHaveLength(1)
})

test('the gallery’s code is preloaded by index.html, fetched once, and run', async ({ page }) => {
  const galleryCode: string[] = []
  page.on('request', (request) => {
    if (/\/assets\/gallery-[\w-]+\.js$/.test(new URL(request.url()).pathname))
      galleryCode.push(request.url())
  })
  const response = await page.goto('/')
  expect(await response?.text()).toMatch(
    /<link rel="modulepreload" crossorigin href="\/assets\/gallery-/,
  )
  await expect(page.getByRole('searchbox', { name: 'Search prompts and notes' })).toBeVisible()
  await page.waitForLoadState('networkidle')
  expect(galleryCode).toHaveLength(1)
})
