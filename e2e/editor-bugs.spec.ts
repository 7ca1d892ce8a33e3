import { test as plainTest, type Locator, type Page } from '@playwright/test'
import sharp from 'sharp'
import { expect, test } from './fixtures'
import { MEDIA, searchTakes, tile, videoStates, viewerOf } from './gallery-page'
import { finishedTake, getJob, serveManyTakes, settled, startJob, unique } from './review-support'

// Issue 16's bugs, one test each, at the viewport where each was found.
test.describe.configure({ timeout: 180_000 })
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }

/** Waits until a tap at the centre of `target` lands on `target` itself (or inside it). */
async function expectReachable(target: Locator): Promise<void> {
  const landsOn = () =>
    target.evaluate((element) => {
      element.scrollIntoView({ block: 'center' })
      const box = element.getBoundingClientRect()
      const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)
      return hit === element || (hit !== null && element.contains(hit))
        ? 'the target'
        : (hit?.outerHTML.slice(0, 160) ?? 'nothing')
    })
  await expect.poll(landsOn).toBe('the target')
}

/** Whether `target` shows on screen (mounted rows outside the viewport do not count). */
async function onScreen(target: Locator): Promise<boolean> {
  if ((await target.count()) === 0) return false
  const box = await target.boundingBox()
  const height = await target.page().evaluate(() => window.innerHeight)
  return box !== null && box.y < height && box.y + box.height > 0
}

/** What the video element shows on screen, as a small grey picture. */
async function shownPicture(page: Page, video: Locator): Promise<Buffer> {
  const box = await video.evaluate((element) => {
    const v = element as HTMLVideoElement
    const r = v.getBoundingClientRect()
    const scale = Math.min(r.width / v.videoWidth, r.height / v.videoHeight)
    const w = v.videoWidth * scale
    const h = v.videoHeight * scale
    return { x: r.x + (r.width - w) / 2, y: r.y + (r.height - h) / 2, width: w, height: h }
  })
  const shot = await page.screenshot({ clip: box })
  return sharp(shot).resize(64, 36, { fit: 'fill' }).greyscale().raw().toBuffer()
}

async function picture(bytes: Buffer): Promise<Buffer> {
  return sharp(bytes).resize(64, 36, { fit: 'fill' }).greyscale().raw().toBuffer()
}

function difference(a: Buffer, b: Buffer): number {
  let sum = 0
  for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0))
  return sum / a.length
}

test.describe('on a phone', () => {
  test.use(PHONE)

  test('bug 1: the viewer’s Play button and seek bar can be reached and used', async ({ page }) => {
    const { prompt, take } = await finishedTake(page.request, 'A kite over a beach, phone viewer')
    await page.goto(`/?take=${take.id}`)
    const viewer = viewerOf(page, prompt)
    const seek = viewer.getByRole('slider', { name: 'Seek' })
    await expect(seek).toBeEnabled(MEDIA)
    const play = viewer.getByRole('button', { name: 'Play' })
    await expectReachable(play)
    await expectReachable(seek)
    await play.tap()
    await expect.poll(async () => (await videoStates(viewer))[0]?.paused, MEDIA).toBe(false)
  })

  test('bug 7: the select checkboxes show on a touch screen, so takes can be picked', async ({
    page,
  }) => {
    const { prompt } = await finishedTake(page.request, 'A heron lands on a post, phone gallery')
    await page.goto('/')
    const grid = await searchTakes(page, prompt)
    await expect(grid.locator('[data-take-id]')).toHaveCount(1)
    await expect(tile(grid, prompt)).toBeVisible()
    const box = grid.getByRole('checkbox', { name: `Select ${prompt}` })
    await expect(box).toHaveCSS('opacity', '1')
    await expectReachable(box)
  })

  test('the gallery scrolls with the page, not as a box of its own, and reaches later takes', async ({
    page,
  }, testInfo) => {
    const { take: real } = await finishedTake(page.request, 'A reel for a phone thumb')
    await serveManyTakes(page, real, { total: 300, name: 'Phone take' })
    await page.goto('/')
    const grid = page.getByRole('region', { name: 'Takes grid' })
    await expect(tile(grid, 'Phone take 1')).toBeVisible(MEDIA)

    // A thumb's swipes, as real touch events: the page moves, the grid has nothing to scroll.
    const swipe = await page.context().newCDPSession(page)
    const later = tile(grid, 'Phone take 40')
    let lastY = await page.evaluate(() => window.scrollY)
    for (let step = 0; step < 40 && !(await onScreen(later)); step++) {
      await swipe.send('Input.dispatchTouchEvent', {
        type: 'touchStart',
        touchPoints: [{ x: 195, y: 700 }],
      })
      for (let moved = 50; moved <= 500; moved += 50)
        await swipe.send('Input.dispatchTouchEvent', {
          type: 'touchMove',
          touchPoints: [{ x: 195, y: 700 - moved }],
        })
      // The thumb rests before it lifts, so the page does not fling past the take.
      await page.waitForTimeout(150)
      await swipe.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: [{ x: 195, y: 200 }],
      })
      await swipe.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
      const y = await page.evaluate(() => window.scrollY)
      expect(y).toBeGreaterThan(lastY)
      lastY = y
    }
    await expect(later).toBeInViewport()
    const box = await grid.evaluate((el) => ({
      scrollHeight: el.scrollHeight,
      clientHeight: el.clientHeight,
      scrollTop: el.scrollTop,
    }))
    expect(box.scrollTop).toBe(0)
    expect(box.scrollHeight).toBe(box.clientHeight)
    expect(await grid.locator('[data-take-id]').count()).toBeLessThan(60)
    await page.screenshot({ path: testInfo.outputPath('gallery-page-scroll-390x844.png') })
  })
})

test('bug 2: after a click on the seek bar, Space, K and . still drive the player', async ({
  page,
}) => {
  const { prompt, take } = await finishedTake(page.request, 'A train leaves a station, seek focus')
  await page.goto(`/?take=${take.id}`)
  const viewer = viewerOf(page, prompt)
  const seek = viewer.getByRole('slider', { name: 'Seek' })
  await expect(seek).toBeEnabled(MEDIA)
  const paused = async () => (await videoStates(viewer))[0]?.paused

  await page.keyboard.press(' ')
  await expect.poll(paused, MEDIA).toBe(false)
  await seek.click({ position: { x: 20, y: 2 } })
  await page.keyboard.press(' ')
  await expect.poll(paused).toBe(true)

  await page.keyboard.press(' ')
  await expect.poll(paused, MEDIA).toBe(false)
  await seek.click({ position: { x: 40, y: 2 } })
  await page.keyboard.press('k')
  await expect.poll(paused).toBe(true)

  await seek.click({ position: { x: 60, y: 2 } })
  const before = (await videoStates(viewer))[0]?.t ?? 0
  await page.keyboard.press('.')
  await expect.poll(async () => (await videoStates(viewer))[0]?.t ?? 0).toBeGreaterThan(before)

  // The same in a comparison.
  const other = await finishedTake(page.request, 'A train leaves a station, seek focus B')
  await page.goto(`/?compare=${take.id},${other.take.id}`)
  const compare = page.getByRole('dialog', { name: 'Compare 2 takes' })
  await expect(compare.getByRole('slider', { name: 'Seek' })).toBeEnabled(MEDIA)
  await page.keyboard.press(' ')
  await expect.poll(async () => (await videoStates(compare))[0]?.paused, MEDIA).toBe(false)
  await compare.getByRole('slider', { name: 'Seek' }).click({ position: { x: 30, y: 2 } })
  await page.keyboard.press(' ')
  await expect
    .poll(async () => (await videoStates(compare)).map((v) => v.paused))
    .toEqual([true, true])
})

test('bug 3: a retry does not join the failed take’s submit, so Failed offers no empty comparison', async ({
  page,
}) => {
  const prompt = unique('A crowd at a gate, retried [sim:moderation]')
  const group = `grp_${prompt.slice(-6)}`
  const refused = await settled(page.request, (await startJob(page.request, { prompt, group })).id)
  expect(refused.status).toBe('failed')

  await page.goto('/')
  await page.getByRole('combobox', { name: 'Filter by status' }).selectOption('failed')
  const grid = await searchTakes(page, prompt)
  await grid
    .locator(`[data-take-id="${refused.id}"]`)
    .getByRole('button', { name: 'Retry' })
    .click()
  await expect(grid.locator('[data-take-id]')).toHaveCount(2, { timeout: 60_000 })
  const retryId = await grid
    .locator('[data-take-id]')
    .evaluateAll(
      (tiles, id) => tiles.map((t) => (t as HTMLElement).dataset.takeId).find((t) => t !== id),
      refused.id,
    )
  const retried = await settled(page.request, retryId ?? '')
  expect(retried.group).not.toBe(group)
  await expect(grid.getByRole('button', { name: 'Compare takes' })).toHaveCount(0)
})

test('bug 4: Reuse settings and Continue from here can be undone, the half-written prompt comes back', async ({
  page,
}) => {
  const { prompt, take } = await finishedTake(page.request, 'A fox crosses a frozen river, reuse')
  await page.goto('/')
  const draft = 'A half-written idea about a lighthouse'
  const promptBox = page.getByRole('textbox', { name: 'Prompt' })
  await promptBox.fill(draft)

  for (const action of ['Reuse settings', 'Continue from here']) {
    await page.goto(`/?take=${take.id}`)
    const viewer = viewerOf(page, prompt)
    await expect(viewer.getByRole('slider', { name: 'Seek' })).toBeEnabled(MEDIA)
    await viewer.getByRole('button', { name: action }).click()
    await expect(promptBox).toHaveValue(prompt)
    await page.getByRole('button', { name: 'Undo: restore my draft' }).click()
    await expect(promptBox).toHaveValue(draft)
  }
})

test('bug 5: the viewer and compare open on the frame under the playhead, not the middle frame', async ({
  page,
}) => {
  const { prompt, take } = await finishedTake(
    page.request,
    'A lamp swings in a dark room, first frame',
  )
  const first = await picture(
    await (await page.request.get(`/api/jobs/${take.id}/frame?t=0`)).body(),
  )
  const poster = await picture(await (await page.request.get(take.media?.thumbnail ?? '')).body())
  // The test means something only when the two frames differ.
  expect(difference(first, poster)).toBeGreaterThan(4)

  await page.goto(`/?take=${take.id}`)
  const viewer = viewerOf(page, prompt)
  await expect(viewer.getByRole('slider', { name: 'Seek' })).toBeEnabled(MEDIA)
  const video = viewer.locator('video')
  await expect
    .poll(() => video.evaluate((v) => (v as HTMLVideoElement).readyState), MEDIA)
    .toBeGreaterThanOrEqual(2)
  const shown = await shownPicture(page, video)
  expect(difference(shown, first)).toBeLessThan(difference(shown, poster))

  const other = await finishedTake(page.request, 'A lamp swings in a dark room, first frame B')
  await page.goto(`/?compare=${take.id},${other.take.id}`)
  const compare = page.getByRole('dialog', { name: 'Compare 2 takes' })
  await expect(compare.getByRole('slider', { name: 'Seek' })).toBeEnabled(MEDIA)
  const firstPlayer = compare.locator('video').first()
  await expect
    .poll(() => firstPlayer.evaluate((v) => (v as HTMLVideoElement).readyState), MEDIA)
    .toBeGreaterThanOrEqual(2)
  const shownInCompare = await shownPicture(page, firstPlayer)
  expect(difference(shownInCompare, first)).toBeLessThan(difference(shownInCompare, poster))
})

test('bug 6: a refused submit’s message and its next step agree, in plain punctuation', async ({
  page,
}) => {
  await page.goto('/')
  const promptBox = page.getByRole('textbox', { name: 'Prompt' })
  const feedback = page.getByRole('status').filter({ hasText: 'refused' })

  await promptBox.fill(unique('A busy street [sim:429]'))
  await page.getByRole('button', { name: 'Generate' }).click()
  await expect(feedback).toContainText('wait 2 s')
  await expect(feedback).not.toContainText('minute')
  await expect(feedback).not.toContainText('shortly')

  await promptBox.fill(unique('A busy street [sim:500]'))
  await page.getByRole('button', { name: 'Generate' }).click()
  await expect(feedback).toContainText('(500)')
  await expect(feedback).not.toContainText('!.')
})

// A route that refuses every request makes Chromium log each one as a console error: expected here.
plainTest(
  'bug 8: “The studio server cannot be reached” goes once the server answers again',
  async ({ page }) => {
    await page.goto('/')
    await expect(page.getByRole('button', { name: 'Generate' })).toBeEnabled()
    const down = (url: URL) => url.pathname.startsWith('/api/')
    await page.route(down, (route) => route.abort('connectionrefused'))
    await page.getByRole('textbox', { name: 'Prompt' }).fill(unique('A pier at night, offline'))
    await page.getByRole('button', { name: 'Generate' }).click()
    await expect(
      page.getByText('The studio server cannot be reached', { exact: true }),
    ).toBeVisible()
    await page.unroute(down)
    // Under the composer, and the queue's and the gallery's own: all of them go.
    await expect(page.getByText(/cannot be reached/)).toHaveCount(0, { timeout: 20_000 })
  },
)

test('bug 9: a comparison link naming one take says why there is nothing to compare', async ({
  page,
}) => {
  const { prompt, take } = await finishedTake(page.request, 'A swing in an empty park, one compare')
  await page.goto(`/?compare=${take.id}`)
  const notice = page.getByRole('alert').filter({ hasText: 'compare' })
  await expect(notice).toContainText('2 to 4 takes')
  await notice.getByRole('button', { name: 'Open this take' }).click()
  await expect(viewerOf(page, prompt)).toBeVisible()
  expect((await getJob(page.request, take.id)).status).toBe('completed')
})
