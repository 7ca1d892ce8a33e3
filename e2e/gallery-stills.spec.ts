import type { Locator } from '@playwright/test'
import { expect, test } from './fixtures'
import { MEDIA, searchTakes, tile } from './gallery-page'
import { finishedTake } from './review-support'

/**
 * A tile offers the take's still (480 px on its long side) and its full thumbnail; the browser
 * picks by the width the picture is drawn at and the screen's density.
 */

/** Which file the tile's picture loaded, its `sizes`, and the boxes it is drawn in (CSS px). */
async function pictureOf(grid: Locator, prompt: string) {
  const img = tile(grid, prompt).locator('img').first()
  // The srcset and sizes are there as the tile is drawn; the browser picks by them.
  await expect(img).toHaveAttribute('sizes', /px$/, MEDIA)
  await expect(img).toHaveJSProperty('complete', true, MEDIA)
  await expect
    .poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth), MEDIA)
    .toBeGreaterThan(0)
  return img.evaluate((el: HTMLImageElement) => {
    const tileBox = el.closest('.aspect-video')?.getBoundingClientRect()
    return {
      loaded: new URL(el.currentSrc).pathname,
      sizes: el.sizes,
      drawn: el.getBoundingClientRect().width,
      tile: { width: tileBox?.width ?? 0, height: tileBox?.height ?? 0 },
    }
  })
}

test.describe('on a phone', () => {
  test.use({
    viewport: { width: 412, height: 915 },
    deviceScaleFactor: 1.75,
    isMobile: true,
    hasTouch: true,
  })

  test('a 9:16 tile loads the still, sized at the width it is drawn at (the tile’s height × 9/16)', async ({
    page,
    request,
  }) => {
    const { prompt, take } = await finishedTake(request, 'A tall still for a phone', {
      size: '720x1280',
    })
    expect(take.media?.still).toMatchObject({ width: 270 })
    await page.goto('/')
    const picture = await pictureOf(await searchTakes(page, prompt), prompt)
    expect(picture.drawn).toBeCloseTo((picture.tile.height * 9) / 16, 0)
    expect(picture.sizes).toBe(`${Math.ceil(picture.drawn)}px`)
    expect(picture.loaded).toBe(`/api/jobs/${take.id}/still`)
  })
})

test.describe('on a retina desktop', () => {
  test.use({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 })

  test('a 16:9 tile drawn wider than the still has pixels for loads the thumbnail; a 9:16 one the still', async ({
    page,
    request,
  }) => {
    const words = 'Wide and tall stills on a retina screen'
    const wide = await finishedTake(request, `${words}, wide`, { size: '1280x720' })
    const tall = await finishedTake(request, `${words}, tall`, { size: '720x1280' })
    const asked: string[] = []
    page.on('request', (sent) => asked.push(new URL(sent.url()).pathname))
    await page.goto('/')
    const grid = await searchTakes(page, words)

    const landscape = await pictureOf(grid, wide.prompt)
    expect(landscape.drawn).toBeCloseTo(landscape.tile.width, 0)
    expect(landscape.sizes).toBe(`${Math.ceil(landscape.drawn)}px`)
    // 2 × the drawn width is more than the still's 480 px: the full thumbnail it is.
    expect(landscape.drawn * 2).toBeGreaterThan(480)
    await expect
      .poll(async () => (await pictureOf(grid, wide.prompt)).loaded, MEDIA)
      .toBe(`/api/jobs/${wide.take.id}/thumbnail`)
    // Picked once, as the tile was drawn: its still was never fetched only to be dropped.
    expect(asked).not.toContain(`/api/jobs/${wide.take.id}/still`)

    const portrait = await pictureOf(grid, tall.prompt)
    expect(portrait.sizes).toBe(`${Math.ceil(portrait.drawn)}px`)
    expect(portrait.loaded).toBe(`/api/jobs/${tall.take.id}/still`)
  })
})
