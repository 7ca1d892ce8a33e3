import { noSeriousViolations } from './axe'
import fs from 'node:fs/promises'
import { expect, test } from './fixtures'
import { fontsReady, MEDIA, searchTakes, tile, viewerOf } from './gallery-page'
import { getJob, settled, startJob, unique } from './review-support'

test.describe.configure({ timeout: 180_000 })

test('a circled take shows on its tile and in its group, is found under “Circled” and by its notes, and its notes export', async ({
  page,
  request,
}, testInfo) => {
  const prompt = unique('A heron lifts off a misty canal')
  const group = `grp_${Math.random().toString(36).slice(2, 10)}`
  const a = await startJob(request, { prompt, group })
  const b = await startJob(request, { prompt, group })
  await Promise.all([settled(request, a.id), settled(request, b.id)])

  // A note on take B (notes.spec.ts writes them in the viewer).
  const noteWord = `wingbeat${Math.random().toString(36).slice(2, 7)}`
  const note = await request.post(`/api/jobs/${b.id}/notes`, {
    data: { at: 1.5, text: `Hold the ${noteWord} a beat longer`, author: 'Ana' },
  })
  expect(note.status(), await note.text()).toBe(201)

  await page.goto('/')
  const grid = await searchTakes(page, prompt)
  await expect(grid.getByRole('button', { name: prompt, exact: true })).toHaveCount(2)
  const circledTile = grid.locator(`[data-take-id="${b.id}"]`)

  // Take B opened from its tile and circled with O; Esc back to the gallery.
  await circledTile.locator('[data-open-take]').click()
  const viewer = viewerOf(page, prompt)
  await expect(viewer.getByRole('slider', { name: 'Seek' })).toBeEnabled(MEDIA)
  await page.keyboard.press('o')
  await expect(
    viewer.getByRole('group', { name: 'Verdict' }).getByRole('button', { name: /Circled/ }),
  ).toHaveAttribute('aria-pressed', 'true')
  await expect.poll(async () => (await getJob(request, b.id)).verdict).toBe('circled')
  await page.keyboard.press('Escape')
  await expect(viewer).toBeHidden()

  // Until the grid has measured its columns, a submit may wrap onto two rows: take B's is the one.
  const submit = grid
    .getByRole('group', { name: '2 takes of one submit' })
    .filter({ has: page.locator(`[data-take-id="${b.id}"]`) })
  await expect(submit).toContainText('B circled')
  await expect(circledTile.getByText('Take B, circled')).toBeAttached()
  await expect(circledTile.getByText('1 note', { exact: true })).toBeAttached()
  await fontsReady(page)
  await page.screenshot({ path: testInfo.outputPath('gallery-circled-1440.png') })

  // Under "Circled" only the circled take is left.
  await page.getByRole('combobox', { name: 'Filter by verdict' }).selectOption({ label: 'Circled' })
  await expect(page).toHaveURL(/verdict=circled/)
  await expect(tile(grid, prompt)).toHaveCount(1)
  await expect(grid.locator(`[data-take-id="${b.id}"]`)).toBeVisible()
  await noSeriousViolations(page)

  // Its notes, verdict and prompt download as CSV with the timecode at 24 fps.
  await page.getByRole('button', { name: 'Export circled notes' }).click()
  const menu = page.getByRole('menu', { name: 'Export circled notes' })
  await expect(menu).toBeVisible()
  await noSeriousViolations(page)
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    menu.getByRole('menuitem', { name: /CSV/ }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^circled-takes-notes-\d{4}-\d{2}-\d{2}\.csv$/)
  const csv = await fs.readFile(await download.path(), 'utf8')
  expect(csv).toContain(`Take B,Circled,00:00:01:12,,Hold the ${noteWord} a beat longer,Ana,`)

  // The search box finds the take by the words of its note.
  await page
    .getByRole('combobox', { name: 'Filter by verdict' })
    .selectOption({ label: 'Any verdict' })
  await searchTakes(page, noteWord)
  await expect(grid.locator(`[data-take-id="${b.id}"]`)).toBeVisible()
  await expect(tile(grid, prompt)).toHaveCount(1)

  // On a phone the verdict and the note count stay on the tile, and the submit's header still
  // names its circled take, clear of its buttons (the count is what gives way).
  await page.setViewportSize({ width: 390, height: 844 })
  await searchTakes(page, prompt)
  await expect(tile(grid, prompt)).toHaveCount(2)
  const named = await submit.getByText('B circled').boundingBox()
  const buttons = await submit.getByRole('button', { name: 'Export notes' }).boundingBox()
  expect((named?.x ?? Infinity) + (named?.width ?? 0)).toBeLessThanOrEqual(buttons?.x ?? 0)
  await page.screenshot({ path: testInfo.outputPath('gallery-circled-390.png') })
})
