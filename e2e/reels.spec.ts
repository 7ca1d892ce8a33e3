import { noSeriousViolations } from './axe'
import type { Page } from '@playwright/test'
import { reelDetailSchema } from '../src/contract/reels'
import { expect, test } from './fixtures'
import { fontsReady, MEDIA } from './gallery-page'
import { exportOpenReel, makeReelFromGallery, threeTakes } from './reel-steps'

async function reelOrder(page: Page, id: string): Promise<string[]> {
  const response = await page.request.get(`/api/reels/${id}`)
  return reelDetailSchema.parse(await response.json()).jobIds
}

test('the owner builds a reel of three takes, reorders it by keyboard and drag, plays it through and exports it', async ({
  page,
  request,
}) => {
  const three = await threeTakes(request)
  const [a, b, c] = three.takes.map(({ take }) => take.id) as [string, string, string]
  const reelId = await makeReelFromGallery(page, three, () =>
    page.screenshot({ path: test.info().outputPath('gallery-selection-1440x900.png') }).then(() => undefined),
  )
  const reel = page.getByRole('dialog', { name: /^Reel / })
  const shots = reel.getByRole('list', { name: 'Shots' })
  expect(await reelOrder(page, reelId)).toEqual([a, b, c])

  // Rename in place.
  const name = reel.getByRole('textbox', { name: 'Reel name' })
  await name.fill('Harbour sequence')
  await name.press('Enter')
  await expect
    .poll(
      async () =>
        reelDetailSchema.parse(await (await page.request.get(`/api/reels/${reelId}`)).json()).name,
    )
    .toBe('Harbour sequence')

  // Keyboard: Alt+↑ on the focused third shot moves it up; the focus stays on it; it is announced.
  const shotC = shots.locator(`[data-shot-id="${c}"]`)
  await shotC.focus()
  await page.keyboard.press('Alt+ArrowUp')
  await expect(reel.getByText(/^Take [A-Z]+ moved to position 2 of 3$/)).toBeAttached()
  await expect.poll(() => reelOrder(page, reelId)).toEqual([a, c, b])
  await expect(shotC).toBeFocused()

  // Drag: the first shot dropped on the last place.
  await shots.getByRole('listitem').first().dragTo(shots.getByRole('listitem').last())
  await expect.poll(() => reelOrder(page, reelId)).toEqual([c, b, a])
  await expect(shots.getByRole('listitem').first().locator(`[data-shot-id="${c}"]`)).toBeVisible()

  // It plays straight through: the first shot ends and the second starts, highlighted in the list.
  const player = reel.locator('video')
  await expect(player).toHaveJSProperty('readyState', 4, MEDIA)
  await player.evaluate((video: HTMLVideoElement) => {
    video.muted = true
    return video.play()
  })
  await expect(reel.getByText('Shot 2 of 3')).toBeVisible({ timeout: 20_000 })
  await expect(shots.locator(`[data-shot-id="${b}"]`)).toHaveAttribute('aria-current', 'true')
  // A click on a shot jumps to it.
  await shots.locator(`[data-shot-id="${a}"]`).click()
  await expect(reel.getByText('Shot 3 of 3')).toBeVisible()

  await fontsReady(page)
  await page.screenshot({ path: test.info().outputPath('reel-1440x900.png') })
  await noSeriousViolations(page)

  const fileName = await exportOpenReel(page, 'Cut')
  expect(fileName).toMatch(/^harbour-sequence-reel-\w{6}\.mp4$/)
  await expect(reel.getByText(/Exported · 1280 × 720 · 12 s · cuts/)).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('reel-exported-1440x900.png') })

  // The reel is listed with its export.
  await reel.getByRole('button', { name: 'All reels' }).click()
  const list = page.getByRole('dialog', { name: 'Reels' })
  await expect(
    list.getByRole('button', { name: /Harbour sequence.*3 shots · exported/ }),
  ).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('reels-list-1440x900.png') })
  await noSeriousViolations(page)

  // On a phone: the player on top, the shots and the export below.
  await page.setViewportSize({ width: 390, height: 844 })
  await list.getByRole('button', { name: /Harbour sequence/ }).click()
  await expect(reel.getByRole('list', { name: 'Shots' }).getByRole('listitem')).toHaveCount(3)
  await fontsReady(page)
  await page.screenshot({ path: test.info().outputPath('reel-390x844.png') })
  await reel.getByRole('button', { name: 'Close' }).click()
  // Beside the Takes heading, Reels opens the list again.
  await page.getByRole('button', { name: 'Reels', exact: true }).click()
  await expect(list.getByRole('button', { name: /Harbour sequence/ })).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('reels-list-390x844.png') })
})
