import { expect, test } from './fixtures'
import { searchTakes, tile, viewerOf } from './gallery-page'
import { settled, startJob, unique } from './review-support'

// Issue 16's friction fixes that a Playwright run shows best: forgiving search kept in the URL,
// and culling with Delete and Undo.
test.describe.configure({ timeout: 180_000 })

test('search forgives case, word order and punctuation, and the filters survive a reload', async ({
  page,
}) => {
  const tag = unique('beacon').split(' ')[1] ?? ''
  const prompt = `Take 3: a lighthouse at dusk, ${tag}`
  await settled(page.request, (await startJob(page.request, { prompt })).id)

  await page.goto('/')
  const grid = await searchTakes(page, `${tag.toUpperCase()} LIGHTHOUSE take 3!`)
  await expect(tile(grid, prompt)).toBeVisible()
  await page.getByRole('combobox', { name: 'Filter by status' }).selectOption('all')
  await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('all')

  await page.reload()
  await expect(page.getByRole('searchbox', { name: 'Search prompts' })).toHaveValue(
    `${tag.toUpperCase()} LIGHTHOUSE take 3!`,
  )
  await expect(page.getByRole('combobox', { name: 'Filter by status' })).toHaveValue('all')
  await expect(tile(page.getByRole('region', { name: 'Takes grid' }), prompt)).toBeVisible()

  await searchTakes(page, `${tag} nothing-like-this`)
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(page.getByRole('searchbox', { name: 'Search prompts' })).toHaveValue('')
  expect(new URL(page.url()).search).toBe('')
})

test('culling: Delete shows the next take at once, and Undo brings back the one you meant to keep', async ({
  page,
}) => {
  const tag = unique('cull')
  const prompts = ['first', 'second', 'third', 'fourth'].map(
    (word) => `${word} take to cull ${tag}`,
  )
  for (const prompt of prompts) await startJob(page.request, { prompt })
  const jobs = await Promise.all(
    (
      (await (await page.request.get(`/api/jobs?q=${encodeURIComponent(tag)}`)).json()) as {
        items: { id: string }[]
      }
    ).items.map((j) => settled(page.request, j.id)),
  )
  expect(jobs).toHaveLength(4)

  await page.goto('/')
  const grid = await searchTakes(page, tag)
  await expect(grid.locator('[data-take-id]')).toHaveCount(4)
  // Newest first: the fourth, then the third…
  await tile(grid, prompts[3] ?? '').click()
  for (const gone of [3, 2, 1]) {
    const viewer = viewerOf(page, prompts[gone] ?? '')
    await expect(viewer).toBeVisible()
    await page.keyboard.press('Delete')
    await expect(viewerOf(page, prompts[gone - 1] ?? '')).toBeVisible()
  }
  const viewer = viewerOf(page, prompts[0] ?? '')
  const toasts = viewer.getByRole('list', { name: 'Deleted takes' })
  await expect(toasts.getByRole('listitem')).toHaveCount(3)
  await toasts
    .getByRole('listitem', { name: new RegExp(`second take to cull`) })
    .getByRole('button', { name: 'Undo' })
    .click()
  await expect(toasts.getByRole('listitem')).toHaveCount(2)
  await page.keyboard.press('Escape')
  await expect(grid.locator('[data-take-id]')).toHaveCount(2)
  await expect(tile(grid, prompts[1] ?? '')).toBeVisible()
  await expect(tile(grid, prompts[0] ?? '')).toBeVisible()

  // In the grid too: Delete on a focused tile culls it; the gallery's toast undoes it.
  await tile(grid, prompts[1] ?? '').focus()
  await page.keyboard.press('Delete')
  await expect(grid.locator('[data-take-id]')).toHaveCount(1)
  await page
    .getByRole('list', { name: 'Deleted takes' })
    .getByRole('listitem', { name: /second take to cull/ })
    .getByRole('button', { name: 'Undo' })
    .click()
  await expect(grid.locator('[data-take-id]')).toHaveCount(2)
})
