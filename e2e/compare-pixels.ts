import type { APIRequestContext, Locator, Page } from '@playwright/test'
import sharp from 'sharp'
import { promptHue } from '../src/simulator/scene'
import { expect } from './fixtures'
import { settled, startJob, unique } from './review-support'

/**
 * What the compare view puts on screen, read back pixel by pixel: which take shows at each spot,
 * the difference canvas against the two videos' own frames, and the frames each video presents.
 */

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

/** Two finished takes of those prompts, rendered by the simulator. */
export async function twoFinishedTakes(request: APIRequestContext) {
  const [first, second] = twoPrompts()
  const a = await startJob(request, { prompt: first })
  const b = await startJob(request, { prompt: second })
  for (const job of [a, b]) expect((await settled(request, job.id)).status).toBe('completed')
  return { a, b, first, second }
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
export function differenceAgainstVideos(compare: Locator) {
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
export async function expectShown(
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

export interface Presented {
  /** When the frame was (to be) on screen, in the page's clock (ms). */
  at: number
  mediaTime: number
}

/** Every frame each compared video presents for `ms`, from requestVideoFrameCallback's metadata. */
export function presentedFrames(compare: Locator, ms: number): Promise<Presented[][]> {
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
export function onScreenTogether(one: Presented[], two: Presented[]): [number, number][] {
  return one.flatMap((frame) => {
    const other = two.find((candidate) => Math.abs(candidate.at - frame.at) < 0.5)
    return other ? [[frame.mediaTime, other.mediaTime] as [number, number]] : []
  })
}
