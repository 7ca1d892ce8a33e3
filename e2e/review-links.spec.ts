import { noSeriousViolations } from './axe'
import fs from 'node:fs/promises'
import type { APIRequestContext, Page } from '@playwright/test'
import { createdReviewLinkSchema } from '../src/contract/links'
import { noteListSchema } from '../src/contract/review'
import { reelDetailSchema } from '../src/contract/reels'
import { expect, test } from './fixtures'
import { fontsReady, MEDIA, searchTakes } from './gallery-page'
import { finishedTake, unique } from './review-support'

test.describe.configure({ timeout: 240_000 })

const SHOTS = '/work/wt/shots/links'

async function shoot(page: Page, name: string) {
  await fs.mkdir(SHOTS, { recursive: true })
  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height })
    await fontsReady(page)
    await page.screenshot({ path: `${SHOTS}/${name}-${width}x${height}.png` })
  }
  await page.setViewportSize({ width: 1440, height: 900 })
}

/** A reel of these takes, exported to one film. */
async function exportedReel(request: APIRequestContext, name: string, jobIds: string[]) {
  const made = await request.post('/api/reels', { data: { name, jobIds } })
  expect(made.status(), await made.text()).toBe(201)
  const reel = reelDetailSchema.parse(await made.json())
  expect((await request.post(`/api/reels/${reel.id}/export`, { data: {} })).ok()).toBe(true)
  await expect
    .poll(
      async () =>
        reelDetailSchema.parse(await (await request.get(`/api/reels/${reel.id}`)).json()).export
          ?.status,
      {
        timeout: 120_000,
      },
    )
    .toBe('completed')
  return reel
}

test('a reviewer with no studio cookie opens a comment link, plays the reel through, and the owner sees their note', async ({
  browser,
  request,
}) => {
  const takes = [
    await finishedTake(request, 'Kite rises over the dunes'),
    await finishedTake(request, 'Kite string snaps'),
    await finishedTake(request, 'Kite lands in the sea'),
  ]
  const reel = await exportedReel(
    request,
    unique('Kite day'),
    takes.map((t) => t.take.id),
  )
  const shared = await request.post('/api/reviews', {
    data: { share: { kind: 'reel', reelId: reel.id }, permission: 'comment' },
  })
  expect(shared.status(), await shared.text()).toBe(201)
  const link = createdReviewLinkSchema.parse(await shared.json())

  const reviewer = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  try {
    const page = await reviewer.newPage()
    await page.goto(link.path)
    await page.getByRole('textbox', { name: 'Your name' }).fill('Ana Director')
    await page.getByRole('button', { name: 'Continue' }).click()

    const shots = page.getByRole('complementary', { name: 'Shot list' })
    await expect(shots.getByRole('listitem')).toHaveCount(3)
    await expect(page.getByText(takes[1]?.prompt ?? '')).toBeVisible()
    // Nothing of the studio: no composer, no other takes, no cost.
    await expect(page.getByRole('textbox', { name: 'Prompt' })).toHaveCount(0)
    await expect(page.getByText('$')).toHaveCount(0)

    // The first shot plays; near its end the reel goes on to the second by itself.
    const player = page.getByRole('region', { name: 'Player' }).locator('video')
    await player.evaluate(async (video: HTMLVideoElement) => {
      video.muted = true
      await video.play()
    })
    await expect
      .poll(() => player.evaluate((v: HTMLVideoElement) => v.currentTime), MEDIA)
      .toBeGreaterThan(0.2)
    await player.evaluate((video: HTMLVideoElement) => (video.currentTime = video.duration - 0.3))
    await expect(shots.locator('button[aria-current="true"]')).toContainText(
      takes[1]?.prompt ?? '',
      MEDIA,
    )
    await expect(page.getByText('Shot 2 of 3')).toBeVisible()

    await page
      .getByRole('textbox', { name: /Note at the playhead/ })
      .fill('Hold on the snap a beat longer')
    await page.getByRole('button', { name: 'Add note' }).click()
    await expect(
      page.getByRole('region', { name: 'Notes' }).getByText('Hold on the snap a beat longer'),
    ).toBeVisible()

    await noSeriousViolations(page)
    await shoot(page, 'reviewer-reel')
    // A studio route through the link is refused, whatever the page offers.
    const refused = await page.request.post(`/r/api/jobs/${takes[0]?.take.id}/retry`)
    expect(refused.status()).toBe(403)
  } finally {
    await reviewer.close()
  }

  // The owner sees the note, with the reviewer's name.
  const notes = noteListSchema.parse(
    await (await request.get(`/api/jobs/${takes[1]?.take.id}/notes`)).json(),
  )
  expect(notes.items).toEqual([
    expect.objectContaining({ author: 'Ana Director', text: 'Hold on the snap a beat longer' }),
  ])
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
