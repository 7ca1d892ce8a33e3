import { expect, test } from './fixtures'
import { MEDIA, tile } from './gallery-page'
import { finishedTake, serveManyTakes } from './review-support'

test.describe.configure({ timeout: 180_000 })

test('2,000 takes scroll as a virtual grid, page after page', async ({
  page,
  request,
}, testInfo) => {
  const { take: real } = await finishedTake(request, 'A reel of many takes')
  const TOTAL = 2000
  const pagesServed: string[] = []
  // The gallery's list only: the BFF answers everything else, media included.
  await serveManyTakes(page, real, {
    total: TOTAL,
    name: 'Synthetic take',
    onPage: (cursor) => pagesServed.push(cursor),
  })

  await page.goto('/')
  const grid = page.getByRole('region', { name: 'Takes grid' })
  await expect(tile(grid, 'Synthetic take 1')).toBeVisible(MEDIA)
  const mounted = () => grid.locator('[data-take-id]').count()
  expect(await mounted()).toBeLessThan(80)
  // The stills on the first screen load at once, the first row's first; those below wait.
  const still = (name: string) => tile(grid, name).locator('img').first()
  await expect(still('Synthetic take 1')).toHaveAttribute('loading', 'eager')
  await expect(still('Synthetic take 1')).toHaveAttribute('fetchpriority', 'high')
  const belowFold = grid.locator('[data-take-id]').last().locator('img').first()
  await expect(belowFold).toHaveAttribute('loading', 'lazy')
  await expect(belowFold).toHaveAttribute('fetchpriority', 'auto')

  // A window made taller fills with rows as it grows.
  const rowsReachTheBottom = () =>
    grid.evaluate((el) => {
      const tiles = [...el.querySelectorAll('[data-take-id]')]
      const lowest = Math.max(...tiles.map((one) => one.getBoundingClientRect().bottom))
      return lowest >= el.getBoundingClientRect().bottom
    })
  await page.setViewportSize({ width: 1440, height: 2000 })
  await expect.poll(rowsReachTheBottom).toBe(true)

  // Scroll to the end, a screenful at a time, as a person flinging the wheel would.
  const last = tile(grid, `Synthetic take ${TOTAL}`)
  for (let step = 0; step < 400 && !(await last.isVisible()); step++) {
    await grid.evaluate((el) => el.scrollBy(0, el.clientHeight))
    expect(await mounted()).toBeLessThan(80)
  }
  await expect(last).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('gallery-2000-takes-1440x900.png') })
  expect(pagesServed).toHaveLength(Math.ceil(TOTAL / 60))
  await expect(tile(grid, 'Synthetic take 1')).toHaveCount(0)
})
