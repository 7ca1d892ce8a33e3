import { noSeriousViolations } from './axe'
import type { Locator, Page } from '@playwright/test'
import {
  differenceAgainstVideos,
  expectShown,
  onScreenTogether,
  presentedFrames,
  twoFinishedTakes,
} from './compare-pixels'
import { expect, test } from './fixtures'
import { fontsReady, MEDIA, videoStates } from './gallery-page'

test.describe.configure({ timeout: 240_000 })
const FRAME = 1 / 24

async function pausedAt(compare: Locator, seconds: number) {
  await compare.getByRole('slider', { name: 'Seek' }).fill(String(seconds))
  await expect
    .poll(() =>
      compare
        .locator('video')
        .evaluateAll((videos) =>
          (videos as HTMLVideoElement[]).every((v) => !v.seeking && v.readyState >= 2),
        ),
    )
    .toBe(true)
}

/** The modes whose name runs out of its own segment of the switcher (under the next one). */
function overflowingModeNames(modes: Locator) {
  return modes.locator('label').evaluateAll((labels) =>
    labels.flatMap((label) => {
      const name = document.createRange()
      name.selectNodeContents(label.lastChild ?? label)
      const [text, box] = [name.getBoundingClientRect(), label.getBoundingClientRect()]
      return text.left < box.left || text.right > box.right ? [label.textContent] : []
    }),
  )
}

async function shoot(page: Page, name: string) {
  await fontsReady(page)
  await page.screenshot({ path: test.info().outputPath(`${name}-1440x900.png`) })
  await page.setViewportSize({ width: 390, height: 844 })
  await page.screenshot({ path: test.info().outputPath(`${name}-390x844.png`) })
  await page.setViewportSize({ width: 1440, height: 900 })
}

test('two takes compare by wipe, flip, difference and overlay, frame-locked while playing', async ({
  page,
  request,
}) => {
  const { a, b } = await twoFinishedTakes(request)

  // Wipe, straight from a link: take 1 left of the divider, take 2 right of it.
  await page.goto(`/?compare=${a.id},${b.id}&mode=wipe`)
  const compare = page.getByRole('dialog', { name: 'Compare 2 takes' })
  const modes = compare.getByRole('radiogroup', { name: 'Compare mode' })
  await expect(modes.getByRole('radio', { name: 'Wipe' })).toBeChecked()
  await expect(compare.getByRole('slider', { name: 'Seek' })).toBeEnabled(MEDIA)
  await pausedAt(compare, 1)
  const divider = compare.getByRole('slider', { name: 'Wipe position' })
  await expect(divider).toHaveAttribute('aria-valuenow', '50')
  await expectShown(page, compare, ([x]) => (x < 0.45 ? 1 : x > 0.55 ? 2 : null))
  expect(await overflowingModeNames(modes)).toEqual([])
  await page.setViewportSize({ width: 390, height: 844 })
  expect(await overflowingModeNames(modes)).toEqual([])
  await page.setViewportSize({ width: 1440, height: 900 })
  await shoot(page, 'wipe')
  await noSeriousViolations(page)

  // The divider moves with the keyboard: three big steps left, and take 2 shows from 20% on.
  await divider.focus()
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowLeft')
  await expect(divider).toHaveAttribute('aria-valuenow', '20')
  await expectShown(page, compare, ([x]) => (x < 0.15 ? 1 : x > 0.25 ? 2 : null), 30)

  // Playing, the two show the same frame: the media time each presents, sampled every screen
  // frame for 3 s, is never more than one frame apart.
  await compare.getByRole('slider', { name: 'Seek' }).fill('0')
  await page.keyboard.press('Space')
  const [one = [], two = []] = await presentedFrames(compare, 3000)
  const together = onScreenTogether(one, two)
  expect(together.length).toBeGreaterThanOrEqual(5)
  const played = (together.at(-1)?.[0] ?? 0) - (together[0]?.[0] ?? 0)
  expect(played).toBeGreaterThan(2)
  const apart = together.filter(([a, b]) => Math.abs(a - b) > FRAME + 0.002)
  expect(apart, `${together.length} instants`).toEqual([])
  await page.keyboard.press('k')
  await expect
    .poll(async () => (await videoStates(compare)).map((v) => v.paused))
    .toEqual([true, true])

  // Difference, chosen with the mode switcher and kept on reload: |1 − 2| on a canvas over the
  // frame, black where the takes agree.
  await modes.getByRole('radio', { name: 'Difference' }).check()
  await expect.poll(() => new URL(page.url()).searchParams.get('mode')).toBe('difference')
  await page.reload()
  await expect(modes.getByRole('radio', { name: 'Difference' })).toBeChecked()
  await expect(compare.getByRole('slider', { name: 'Seek' })).toBeEnabled(MEDIA)
  await pausedAt(compare, 2)
  const canvas = compare.getByRole('img', { name: /Difference between take 1 and take 2/ })
  await expect(canvas).toBeVisible()
  await expect
    .poll(async () => {
      const result = await differenceAgainstVideos(compare)
      return result.drawn && result.worst <= 2
    }, MEDIA)
    .toBe(true)
  const difference = await differenceAgainstVideos(compare)
  if (!difference.drawn) throw new Error('the difference is not drawn')
  expect(difference.changed).toBeGreaterThan(difference.same) // far-apart hues differ almost everywhere
  expect(difference.same).toBeGreaterThan(0) // the header and timecode are the same in both
  expect(difference.litWhereSame).toBe(0)
  const onTop = await canvas.evaluate((element) => {
    const box = element.getBoundingClientRect()
    return document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === element
  })
  expect(onTop).toBe(true)
  await shoot(page, 'difference')
  await noSeriousViolations(page)

  // Flip: F shows take 2 in place, F again take 1.
  await page.keyboard.press('f')
  await expect(modes.getByRole('radio', { name: 'Flip' })).toBeChecked()
  await expect(compare.getByRole('button', { name: /Showing 1/ })).toBeVisible()
  await expectShown(page, compare, () => 1)
  await page.keyboard.press('f')
  await expect(compare.getByRole('button', { name: /Showing 2/ })).toBeVisible()
  await expectShown(page, compare, () => 2)
  await shoot(page, 'flip')
  await noSeriousViolations(page)

  // Overlay: take 2 over take 1; at full opacity only take 2 shows, at none only take 1.
  await modes.getByRole('radio', { name: 'Overlay' }).check()
  const opacity = compare.getByRole('slider', { name: 'Opacity of take 2' })
  await expect(opacity).toHaveValue('50')
  await shoot(page, 'overlay')
  await noSeriousViolations(page)
  await opacity.fill('100')
  await expectShown(page, compare, () => 2)
  await opacity.fill('0')
  await expectShown(page, compare, () => 1)

  await modes.getByRole('radio', { name: 'Side by side' }).check()
  await expect.poll(() => new URL(page.url()).searchParams.has('mode')).toBe(false)
  // The takes, laid out anew, open on the clock's frame, not the first.
  await expect
    .poll(async () => (await videoStates(compare)).map((v) => Math.round(v.t * 10) / 10), MEDIA)
    .toEqual([2, 2])
  await pausedAt(compare, 2)
  await shoot(page, 'side-by-side')
  await noSeriousViolations(page)

  // Closing the comparison drops its mode from the address too.
  await page.keyboard.press('Escape')
  await expect(compare).toBeHidden()
  expect(new URL(page.url()).searchParams.has('mode')).toBe(false)
})

test('verdict keys act on the picked take (on the one in view in flip); a note’s marks show over its take', async ({
  page,
  request,
}) => {
  const { a, b } = await twoFinishedTakes(request)
  const note = await request.post(`/api/jobs/${b.id}/notes`, {
    data: {
      at: 1,
      text: 'kite string',
      author: 'Dana',
      marks: [{ kind: 'rect', colour: 'yellow', x: 0.6, y: 0.2, w: 0.2, h: 0.3 }],
    },
  })
  expect(note.status(), await note.text()).toBe(201)
  const verdictOf = async (id: string) =>
    ((await (await request.get(`/api/jobs/${id}`)).json()) as { verdict: string | null }).verdict

  await page.goto(`/?compare=${a.id},${b.id}`)
  const compare = page.getByRole('dialog', { name: 'Compare 2 takes' })
  await expect(compare.getByRole('slider', { name: 'Seek' })).toBeEnabled(MEDIA)

  // 2 picks the second take; O circles it, and the caption shows it.
  await page.keyboard.press('2')
  await page.keyboard.press('o')
  await expect(compare.getByRole('button', { name: 'Circled, take 2' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await expect.poll(() => verdictOf(b.id)).toBe('circled')
  expect(await verdictOf(a.id)).toBeNull()
  // O again clears it, as in the viewer.
  await page.keyboard.press('o')
  await expect.poll(() => verdictOf(b.id)).toBeNull()

  // The note's rectangle shows over take 2 on its frame, not over take 1, and not elsewhere.
  const marks = compare.getByRole('img', { name: /Marks: yellow/ })
  await expect(marks).toHaveCount(0)
  await pausedAt(compare, 1.02)
  await expect(marks).toHaveCount(1)
  const [marksBox, secondBox] = [
    await marks.boundingBox(),
    await compare.locator('video').nth(1).boundingBox(),
  ]
  expect(marksBox).toEqual(secondBox)

  // Flip: the verdict keys act on the take in view.
  await compare
    .getByRole('radiogroup', { name: 'Compare mode' })
    .getByRole('radio', { name: 'Flip' })
    .check()
  await page.keyboard.press('1')
  await page.keyboard.press('x')
  await expect.poll(() => verdictOf(a.id)).toBe('no_good')
  await page.keyboard.press('f')
  await page.keyboard.press('h')
  await expect.poll(() => verdictOf(b.id)).toBe('hold')
  await expect(marks).toHaveCount(1) // take 2 in view, on its note's frame
  await shoot(page, 'verdicts-flip')
  await noSeriousViolations(page)
})
