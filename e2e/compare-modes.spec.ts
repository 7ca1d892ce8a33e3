import { noSeriousViolations } from './axe'
import type { Locator, Page } from '@playwright/test'
import sharp from 'sharp'
import { promptHue } from '../src/simulator/scene'
import { expect, test } from './fixtures'
import { fontsReady, MEDIA, videoStates } from './gallery-page'
import { settled, startJob, unique } from './review-support'

test.describe.configure({ timeout: 240_000 })
const FRAME = 1 / 24
const SHOTS = (name: string) => `/work/wt/shots/compare/${name}`

type RGB = [number, number, number]
/** A place on the frame, as fractions of its width and height. */
type Spot = [number, number]

/** A grid of spots over the frame, clear of its edges. */
const SPOTS: Spot[] = Array.from({ length: 9 * 7 }, (_, i) => [
  0.06 + (i % 9) * 0.11,
  0.1 + Math.floor(i / 9) * 0.13,
])

const distance = (a: RGB, b: RGB) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])

/** Two prompts the simulator paints in far-apart hues, so every spot tells the takes apart. */
function twoPrompts(): [string, string] {
  const first = unique('A kite over a beach, compare modes')
  for (;;) {
    const second = unique('A kite over a beach, compare modes')
    const apart = Math.abs(promptHue(first) - promptHue(second))
    if (Math.min(apart, 360 - apart) >= 120) return [first, second]
  }
}

/**
 * What each compared video's own current frame holds at the spots (from the video, not the
 * screen), or null where the spot is not on a flat patch: near a glyph of the caption or the
 * kite's edge the screen's scaled picture blends both sides, and the nearest take is a coin toss.
 */
function videoPixels(compare: Locator, spots: Spot[]): Promise<(RGB | null)[][]> {
  return compare.locator('video').evaluateAll(
    (videos, spots) =>
      (videos as HTMLVideoElement[]).map((video) => {
        const canvas = document.createElement('canvas')
        canvas.width = video.videoWidth
        canvas.height = video.videoHeight
        const context = canvas.getContext('2d', { willReadFrequently: true })
        context?.drawImage(video, 0, 0)
        const reach = 4
        return spots.map(([x, y]) => {
          const left = Math.floor(x * canvas.width) - reach
          const top = Math.floor(y * canvas.height) - reach
          const side = reach * 2 + 1
          const data = context?.getImageData(left, top, side, side).data
          if (!data) return null
          const middle = (reach * side + reach) * 4
          const centre = [data[middle] ?? 0, data[middle + 1] ?? 0, data[middle + 2] ?? 0]
          for (let i = 0; i < data.length; i += 4) {
            const apart = Math.hypot(
              (data[i] ?? 0) - (centre[0] ?? 0),
              (data[i + 1] ?? 0) - (centre[1] ?? 0),
              (data[i + 2] ?? 0) - (centre[2] ?? 0),
            )
            if (apart > 30) return null
          }
          return centre as RGB
        })
      }),
    spots,
  )
}

/** What the screen shows at the spots of the frame `box` (take 1's video fills it exactly). */
async function screenPixels(page: Page, box: Locator, spots: Spot[]): Promise<RGB[]> {
  const clip = await box.boundingBox()
  if (!clip) throw new Error('the frame is not on screen')
  const { data, info } = await sharp(await page.screenshot({ clip }))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  return spots.map(([x, y]) => {
    const at = (Math.floor(y * info.height) * info.width + Math.floor(x * info.width)) * 3
    return [data[at] ?? 0, data[at + 1] ?? 0, data[at + 2] ?? 0]
  })
}

/** For each spot where the takes differ clearly: which take the screen shows there (1 or 2). */
async function whichTakeShown(
  page: Page,
  compare: Locator,
): Promise<{ spot: Spot; take: 1 | 2 }[]> {
  const [one = [], two = []] = await videoPixels(compare, SPOTS)
  const screen = await screenPixels(page, compare.locator('video').first(), SPOTS)
  return SPOTS.flatMap((spot, i) => {
    const [a, b, shown] = [one[i], two[i], screen[i]]
    if (!a || !b || !shown || distance(a, b) < 60) return []
    return [{ spot, take: distance(shown, a) < distance(shown, b) ? 1 : 2 } as const]
  })
}

/**
 * The difference canvas against |take 1 − take 2| computed here from the two videos' own frames:
 * the largest error per channel, how many pixels the takes share or not, and how many shared ones
 * the canvas does not show black.
 */
function differenceAgainstVideos(compare: Locator) {
  return compare.evaluate((dialog) => {
    const [one, two] = [...dialog.querySelectorAll('video')]
    const shown = dialog.querySelector('canvas')
    if (!one || !two || !shown || shown.width !== one.videoWidth)
      return { drawn: false, worst: 255, same: 0, changed: 0, litWhereSame: 0 }
    const grab = (source: CanvasImageSource) => {
      const c = document.createElement('canvas')
      c.width = one.videoWidth
      c.height = one.videoHeight
      const context = c.getContext('2d', { willReadFrequently: true })
      context?.drawImage(source, 0, 0, c.width, c.height)
      return context?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray()
    }
    const [p1, p2, diff] = [grab(one), grab(two), grab(shown)]
    let worst = 0
    let same = 0
    let changed = 0
    let litWhereSame = 0
    for (let i = 0; i < p1.length; i += 4 * 3) {
      let apart = 0
      for (let c = 0; c < 3; c++) {
        const expected = Math.abs((p1[i + c] ?? 0) - (p2[i + c] ?? 0))
        apart += expected
        worst = Math.max(worst, Math.abs((diff[i + c] ?? 0) - expected))
      }
      if (apart > 24) changed++
      else {
        same++
        if ((diff[i] ?? 0) + (diff[i + 1] ?? 0) + (diff[i + 2] ?? 0) > 24) litWhereSame++
      }
    }
    return { drawn: true, worst, same, changed, litWhereSame }
  })
}

/**
 * Waits until, at every spot where the takes differ clearly, the screen shows the take `expected`
 * names for it (null: either), with at least `minimum` such spots. Returns what was wrong last.
 */
async function expectShown(
  page: Page,
  compare: Locator,
  expected: (spot: Spot) => 1 | 2 | null,
  minimum = 20,
) {
  await expect
    .poll(async () => {
      const shown = (await whichTakeShown(page, compare)).filter(
        ({ spot }) => expected(spot) !== null,
      )
      if (shown.length < minimum) return `only ${shown.length} spots tell the takes apart`
      return shown.filter(({ spot, take }) => take !== expected(spot)).map(({ spot }) => spot)
    })
    .toEqual([])
}

interface Presented {
  /** When the frame was (to be) on screen, in the page's clock (ms). */
  at: number
  mediaTime: number
}

/** Every frame each compared video presents for `ms`, from requestVideoFrameCallback's metadata. */
function presentedFrames(compare: Locator, ms: number): Promise<Presented[][]> {
  return compare.locator('video').evaluateAll(async (elements, ms) => {
    const videos = elements as HTMLVideoElement[]
    const frames: Presented[][] = videos.map(() => [])
    const handles = videos.map((video, i) =>
      video.requestVideoFrameCallback(function seen(_now, meta) {
        frames[i]?.push({
          at: meta.expectedDisplayTime,
          mediaTime: meta.mediaTime,
        })
        handles[i] = video.requestVideoFrameCallback(seen)
      }),
    )
    await new Promise((done) => setTimeout(done, ms))
    videos.forEach((video, i) => video.cancelVideoFrameCallback(handles[i] ?? 0))
    return frames
  }, ms)
}

/**
 * The media times of the two videos' frames put on screen in the same rendering step (their
 * callbacks carry the same expected display time). Comparing only those, never a frame of one
 * against the last one the page heard of from the other: on a busy machine the page hears of
 * frames late and in batches, and would see drift that was never on screen.
 */
function onScreenTogether(one: Presented[], two: Presented[]): [number, number][] {
  return one.flatMap((frame) => {
    const other = two.find((candidate) => Math.abs(candidate.at - frame.at) < 0.5)
    return other ? [[frame.mediaTime, other.mediaTime] as [number, number]] : []
  })
}

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

async function shoot(page: Page, name: string) {
  await fontsReady(page)
  await page.screenshot({ path: SHOTS(`${name}-1440x900.png`) })
  await page.setViewportSize({ width: 390, height: 844 })
  await page.screenshot({ path: SHOTS(`${name}-390x844.png`) })
  await page.setViewportSize({ width: 1440, height: 900 })
}

test('two takes compare by wipe, flip, difference and overlay, frame-locked while playing', async ({
  page,
  request,
}) => {
  const [first, second] = twoPrompts()
  const a = await startJob(request, { prompt: first })
  const b = await startJob(request, { prompt: second })
  for (const job of [a, b]) expect((await settled(request, job.id)).status).toBe('completed')

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
  const [first, second] = twoPrompts()
  const a = await startJob(request, { prompt: first })
  const b = await startJob(request, { prompt: second })
  for (const job of [a, b]) expect((await settled(request, job.id)).status).toBe('completed')
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
