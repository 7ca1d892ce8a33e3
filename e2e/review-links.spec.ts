import { noSeriousViolations } from './axe'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { fontsReady, MEDIA, searchTakes, tile, viewerOf } from './gallery-page'
import { exportOpenReel, makeReelFromGallery, threeTakes } from './reel-steps'
import { finishedTake } from './review-support'

test.describe.configure({ timeout: 240_000 })

async function shoot(page: Page, name: string) {
  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height })
    await fontsReady(page)
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}x${height}.png`) })
  }
  await page.setViewportSize({ width: 1440, height: 900 })
}

/**
 * The gallery's selection bar fits a phone: every action on screen, none cut off, and at the
 * bottom of the screen wherever the page is scrolled (not after the last take).
 */
async function selectionBarFits(page: Page) {
  await page.setViewportSize({ width: 390, height: 844 })
  for (const scrolled of [0, 600]) {
    await page.evaluate((y) => window.scrollTo(0, y), scrolled)
    for (const name of ['Clear selection', 'Export notes', 'Make reel', 'Share for review', 'Compare']) {
      const box = await page.getByRole('button', { name, exact: true }).boundingBox()
      expect(box, name).not.toBeNull()
      const onScreen = box && box.x >= 0 && box.x + box.width <= 390 && box.y >= 0 && box.y + box.height <= 844
      expect(onScreen, `${name} is on screen, page scrolled to ${scrolled}`).toBe(true)
    }
  }
  await fontsReady(page)
  await page.screenshot({ path: test.info().outputPath('gallery-selection-390x844.png') })
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.screenshot({ path: test.info().outputPath('gallery-selection-1440x900.png') })
}

test('the owner builds, exports and shares a reel in the studio; a reviewer with no cookie plays it, notes and circles a shot; the owner sees both under their name', async ({
  page,
  context,
  browser,
  request,
}) => {
  // The owner, in the studio: three takes picked in the gallery, made into a reel, exported.
  const three = await threeTakes(request, 'Kite day')
  const second = three.takes[1]?.take
  if (!second) throw new Error('three takes')
  await makeReelFromGallery(page, three, () => selectionBarFits(page))
  await exportOpenReel(page, 'Cut')

  // Shared for notes and verdicts from the reel's view; the link copied from the dialog.
  const reel = page.getByRole('dialog', { name: /^Reel / })
  await reel.getByRole('button', { name: 'Share for review' }).click()
  const share = page.getByRole('dialog', { name: /^Share the reel .* for review$/ })
  await share.getByLabel('Reviewer may').selectOption({ label: 'Watch, notes and verdicts' })
  await share.getByRole('button', { name: 'Create link' }).click()
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await share.getByRole('button', { name: 'Copy link' }).click()
  await expect(share.getByRole('button', { name: 'Copied' })).toBeVisible()
  const address = await page.evaluate(() => navigator.clipboard.readText())
  expect(address).toMatch(/\/r\/[A-Za-z0-9_-]{43}$/)
  await share.getByRole('button', { name: 'Done' }).click()
  await reel.getByRole('button', { name: 'Close' }).click()

  // The reviewer: another browser, no cookie of the studio's.
  const reviewer = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  try {
    const guest = await reviewer.newPage()
    await guest.goto(address)
    await guest.getByRole('textbox', { name: 'Your name' }).fill('Ana Director')
    await guest.getByRole('button', { name: 'Continue' }).click()

    const shots = guest.getByRole('complementary', { name: 'Shot list' })
    await expect(shots.getByRole('listitem')).toHaveCount(3)
    // Nothing of the studio: no composer, no other takes, no cost.
    await expect(guest.getByRole('textbox', { name: 'Prompt' })).toHaveCount(0)
    await expect(guest.getByText('$')).toHaveCount(0)

    // The first shot plays; at its end the reel goes on to the second by itself.
    const player = guest.getByRole('region', { name: 'Player' }).locator('video')
    await player.evaluate(async (video: HTMLVideoElement) => {
      video.muted = true
      await video.play()
    })
    await expect.poll(() => player.evaluate((v: HTMLVideoElement) => v.currentTime), MEDIA).toBeGreaterThan(0.2)
    await player.evaluate((video: HTMLVideoElement) => (video.currentTime = video.duration - 0.3))
    await expect(shots.locator('button[aria-current="true"]')).toContainText(three.takes[1]?.prompt ?? '', MEDIA)
    await expect(guest.getByText('Shot 2 of 3')).toBeVisible()
    // Paused on the second shot, so the note and the verdict below are the second shot's.
    await player.evaluate((video: HTMLVideoElement) => video.pause())

    // A note on the second shot, then edited (their own); a verdict.
    const notes = guest.getByRole('region', { name: 'Notes' })
    await guest.getByRole('textbox', { name: /Note at the playhead/ }).fill('Hold on the snap')
    await guest.getByRole('button', { name: 'Add note' }).click()
    await notes.getByRole('button', { name: /^Edit your note at / }).click()
    await notes.getByRole('textbox', { name: /^Your note at / }).fill('Hold on the snap a beat longer')
    await notes.getByRole('button', { name: 'Save' }).click()
    await expect(notes.getByText('Hold on the snap a beat longer')).toBeVisible()
    await notes.getByRole('group', { name: 'Verdict' }).getByRole('button', { name: 'Circled' }).click()
    await expect(notes.getByText('Circled by Ana Director')).toBeVisible()

    await noSeriousViolations(guest)
    await guest.setViewportSize({ width: 390, height: 844 })
    await noSeriousViolations(guest)
    await shoot(guest, 'reviewer-reel')
    // A studio route through the link is refused, whatever the page offers.
    const refused = await guest.request.post(`/r/api/jobs/${second.id}/retry`)
    expect(refused.status()).toBe(403)
  } finally {
    await reviewer.close()
  }

  // The owner opens the second shot in the studio: the note and the verdict, with the name.
  await page.reload()
  const grid = await searchTakes(page, three.tag)
  await expect(grid.locator(`[data-take-id="${second.id}"]`)).toContainText(/Take [A-Z]+, circled by Ana Director/)
  await tile(grid, three.takes[1]?.prompt ?? '').click()
  const viewer = viewerOf(page, three.takes[1]?.prompt ?? '')
  const list = viewer.getByRole('list', { name: 'Notes' })
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await expect(list).toContainText('Ana Director')
  await expect(list).toContainText('Hold on the snap a beat longer')
  await expect(viewer.getByText('Circled by Ana Director')).toBeVisible()
  await shoot(page, 'studio-sees-reviewer')
})

test('the owner shares the selection from the gallery, copies the link once, sees it listed and revokes it', async ({
  page,
  request,
}) => {
  const { prompt } = await finishedTake(request, 'Lanterns on a night river')
  await page.goto('/')
  const grid = await searchTakes(page, prompt)
  await grid.getByRole('checkbox', { name: `Select ${prompt}` }).check()
  await page.getByRole('button', { name: 'Share for review' }).click()
  const dialog = page.getByRole('dialog', { name: 'Share 1 take for review' })
  await dialog.getByLabel(/Passphrase/).fill('lantern light')
  await shoot(page, 'share-dialog')
  await dialog.getByRole('button', { name: 'Create link' }).click()
  const address = await dialog.getByRole('textbox', { name: /Review link/ }).inputValue()
  expect(address).toMatch(/\/r\/[A-Za-z0-9_-]{43}$/)
  await expect(
    dialog
      .getByRole('region', { name: 'Review links' })
      .getByText(/1 take · Watch, notes and verdicts · passphrase/)
      .first(),
  ).toBeVisible()
  await noSeriousViolations(page)
  await shoot(page, 'share-dialog-created')

  await dialog.getByRole('button', { name: 'Revoke the link to 1 take' }).first().click()
  const revoked = await request.get(new URL(address).pathname, { headers: { accept: 'text/html' } })
  expect(revoked.status()).toBe(401)
})
