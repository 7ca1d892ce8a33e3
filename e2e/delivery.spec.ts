import { expect, test } from './fixtures'
import { searchTakes, tile, viewerOf } from './gallery-page'
import { settled, startJob, unique } from './review-support'

/**
 * How the studio reaches the browser: the first screen comes compressed and cacheable, the
 * gallery's code in a chunk of its own, and the viewer's only when a take is opened.
 */
test('the first screen is compressed, and the viewer loads on demand', async ({ page, request }) => {
  const prompt = unique('A lighthouse keeper climbing stairs')
  await settled(request, (await startJob(request, { prompt })).id)

  const scripts: Array<{ url: string; encoding: string | null; cache: string | null }> = []
  page.on('response', (response) => {
    if (!/\/assets\/.+\.js$/.test(response.url())) return
    const headers = response.headers()
    scripts.push({
      url: response.url(),
      encoding: headers['content-encoding'] ?? null,
      cache: headers['cache-control'] ?? null,
    })
  })
  const home = await page.goto('/')
  expect(home?.headers()['cache-control']).toBe('no-cache')
  const grid = await searchTakes(page, prompt)
  await expect(tile(grid, prompt)).toBeVisible()

  expect(scripts.length).toBeGreaterThan(0)
  for (const script of scripts) {
    expect(script.encoding, script.url).toBe('br')
    expect(script.cache, script.url).toBe('public, max-age=31536000, immutable')
  }
  // The gallery is a chunk of its own, fetched right after the first screen's code.
  expect(scripts.some((s) => /\/gallery-[\w-]+\.js$/.test(s.url)), 'gallery chunk').toBe(true)
  const viewerChunk = (s: { url: string }) => /\/take-viewer-[\w-]+\.js$/.test(s.url)
  expect(scripts.some(viewerChunk), 'viewer code on the first screen').toBe(false)

  await tile(grid, prompt).click()
  await expect(viewerOf(page, prompt)).toBeVisible()
  expect(scripts.some(viewerChunk), 'viewer code fetched on opening a take').toBe(true)
})
