import { jobListSchema } from '../src/contract/api'
import { expect, test } from './fixtures'
import { searchTakes, viewerOf } from './gallery-page'
import { settled, startJob, unique } from './review-support'

test.describe.configure({ timeout: 180_000 })

test('a take the provider refused shows its reason under Failed, and Retry starts it again', async ({
  page,
  request,
}) => {
  const prompt = unique('A crowd surges through a gate [sim:moderation]')
  const refused = await settled(request, (await startJob(request, { prompt })).id)
  expect(refused.status).toBe('failed')
  const reason = 'Your request was blocked by our moderation system.'

  await page.goto('/')
  await page.getByRole('combobox', { name: 'Filter by status' }).selectOption('failed')
  const grid = await searchTakes(page, prompt)
  const failedTile = grid.locator(`[data-take-id="${refused.id}"]`)
  await expect(failedTile).toContainText(reason)

  await failedTile.getByRole('button', { name: 'Retry' }).click()
  // The retry renders in the queue and, refused again, stays there with the provider's words.
  const queued = page
    .getByRole('list', { name: 'Rendering' })
    .getByRole('listitem', { name: prompt })
  await expect(queued).toBeVisible()
  await expect(queued).toContainText(`Failed: ${reason}`, { timeout: 60_000 })
  await expect(queued.getByRole('button', { name: 'Retry' })).toBeVisible()
  await expect(grid.locator('[data-take-id]')).toHaveCount(2)

  const failedList = await request.get(`/api/jobs?status=failed&q=${encodeURIComponent(prompt)}`)
  const failedJobs = jobListSchema.parse(await failedList.json()).items
  expect(failedJobs.map((job) => job.prompt)).toEqual([prompt, prompt])

  // The viewer of a failed take says why, and offers Retry too.
  await failedTile.getByRole('button', { name: prompt, exact: true }).click()
  const viewer = viewerOf(page, prompt)
  await expect(viewer.getByRole('alert')).toContainText(reason)
  await expect(viewer.getByRole('button', { name: 'Retry' })).toBeEnabled()

  // Delete culls at once and shows the next take; Undo brings the deleted one back.
  await viewer.getByRole('button', { name: 'Delete' }).click()
  await expect(failedTile).toHaveCount(0)
  expect((await request.get(`/api/jobs/${refused.id}`)).status()).toBe(404)
  await expect(viewer).toBeVisible()
  expect(new URL(page.url()).searchParams.get('take')).not.toBe(refused.id)
  const toast = viewer.getByRole('listitem', { name: `Deleted take A: ${prompt}` })
  await toast.getByRole('button', { name: 'Undo' }).click()
  await expect(toast).toBeHidden()
  expect((await request.get(`/api/jobs/${refused.id}`)).status()).toBe(200)
  await page.keyboard.press('Escape')
  await expect(viewer).toBeHidden()
  await expect(failedTile).toHaveCount(1)
})
