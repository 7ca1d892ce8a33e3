import AxeBuilder from '@axe-core/playwright'
import { expect, test } from './fixtures'

const BANNER = 'Simulator — renders are simulated, no provider key set'

test('the studio opens on the simulator and shows what it can render', async ({
  page,
}, testInfo) => {
  await page.goto('/')

  await expect(page.getByRole('heading', { level: 1, name: 'Dailies' })).toBeVisible()
  await expect(page.getByText(BANNER)).toBeVisible()
  await expect(page.getByText('Simulator', { exact: true })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Sora 2: sizes and prices' })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Sora 2 Pro: sizes and prices' })).toBeVisible()

  await page.evaluate(async () => {
    await document.fonts.ready
  })
  const screenshot = await page.screenshot({ path: testInfo.outputPath('studio-1440x900.png') })
  await testInfo.attach('studio at 1440x900', { body: screenshot, contentType: 'image/png' })
})

test('the studio has no detectable accessibility violations', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('table', { name: 'Sora 2 Pro: sizes and prices' })).toBeVisible()

  const results = await new AxeBuilder({ page }).analyze()
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([])
})
