import AxeBuilder from '@axe-core/playwright'
import { expect, test } from './fixtures'

const BANNER = 'Simulator — renders are simulated, no provider key set'

test('the studio opens on the simulator with the composer ready', async ({ page }, testInfo) => {
  await page.goto('/')

  await expect(page.getByRole('heading', { level: 1, name: 'Dailies' })).toBeVisible()
  await expect(page.getByText(BANNER)).toBeVisible()
  await expect(page.getByText('Simulator', { exact: true })).toBeVisible()
  // The composer offers the whole catalog the simulator serves: what each model does, and its
  // price where one is known (never an invented one).
  const model = page.getByRole('combobox', { name: 'Model', exact: true })
  await expect(model.getByRole('option')).toHaveText([
    'Sora 2 · 4, 8, 12 s · 9:16, 16:9 · 1 image · $0.10/s',
    'Sora 2 Pro · 4, 8, 12 s · 9:16, 16:9, 4:7, 7:4 · 1 image · $0.30–$0.50/s',
    'Veo 3.1 · 8 s · 16:9, 9:16 · first + last frame · price unknown',
    'Veo 3.1 Pro · 8 s · 16:9, 9:16 · first + last frame · price unknown',
    'Veo 3 · 8 s · 16:9, 9:16 · first + last frame · price unknown',
    'Veo 3 Fast · 8 s · 16:9, 9:16 · first + last frame · price unknown',
  ])
  await expect(page.getByRole('button', { name: 'Generate' })).toBeVisible()

  await page.evaluate(async () => {
    await document.fonts.ready
  })
  const screenshot = await page.screenshot({ path: testInfo.outputPath('studio-1440x900.png') })
  await testInfo.attach('studio at 1440x900', { body: screenshot, contentType: 'image/png' })
})

test('the studio has no detectable accessibility violations', async ({ page }) => {
  await page.goto('/')
  // The composer renders once /api/capabilities has answered; allow for a busy CI machine.
  await expect(page.getByRole('button', { name: 'Generate' })).toBeVisible({ timeout: 15_000 })

  const results = await new AxeBuilder({ page }).analyze()
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([])
})
