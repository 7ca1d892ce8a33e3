import { noSeriousViolations } from './axe'
import fs from 'node:fs/promises'
import { expect, test } from './fixtures'
import { fontsReady, MEDIA, searchTakes, tile, videoStates, viewerOf } from './gallery-page'
import {
  finishedTake,
  getJob,
  meanPixelDifference,
  pngSize,
  settled,
  startJob,
  unique,
} from './review-support'

test.describe.configure({ timeout: 180_000 })

test('a take renders in the queue, lands in the gallery, downloads as MP4, and remixes with its lineage', async ({
  page,
  request,
}, testInfo) => {
  const prompt = unique('A paper lantern rises over a night market')
  await page.goto('/')

  // Create, through the composer.
  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt)
  await page.getByRole('combobox', { name: 'Model', exact: true }).selectOption('sora-2')
  await page
    .getByRole('radiogroup', { name: 'Size' })
    .getByRole('radio', { name: /16:9 landscape/ })
    .check()
  await page
    .getByRole('radiogroup', { name: 'Duration' })
    .getByRole('radio', { name: '4 seconds' })
    .check()
  await page
    .getByRole('radiogroup', { name: 'Takes' })
    .getByRole('radio', { name: '1 take' })
    .check()
  await page.getByRole('button', { name: 'Generate' }).click()

  // Progress, in the queue, then gone from it when done.
  const queue = page.getByRole('list', { name: 'Rendering' })
  const row = queue.getByRole('listitem', { name: prompt })
  await expect(row.getByRole('progressbar')).toBeVisible()
  await expect(row).toContainText('Sora 2 · 1280 × 720 · 4 s')
  await page.screenshot({ path: testInfo.outputPath('studio-rendering-1440x900.png') })
  await expect(row).toBeHidden({ timeout: 60_000 })

  // In the gallery, without a reload.
  const grid = await searchTakes(page, prompt)
  await expect(tile(grid, prompt)).toBeVisible()
  await tile(grid, prompt).click()
  const viewer = viewerOf(page, prompt)
  await expect(viewer).toBeVisible()
  await expect(viewer.getByRole('slider', { name: 'Seek' })).toBeEnabled(MEDIA)
  const parentId = new URL(page.url()).searchParams.get('take') ?? ''
  expect(parentId).toMatch(/^job_/)

  await fontsReady(page)
  await page.screenshot({ path: testInfo.outputPath('viewer-1440x900.png') })
  await noSeriousViolations(page)

  // Download: the original MP4 under a readable name.
  const downloading = page.waitForEvent('download')
  await viewer.getByRole('link', { name: 'Download' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(
    /^a-paper-lantern-rises-over-a-night-market-.*\.mp4$/,
  )
  const bytes = await fs.readFile(await download.path())
  expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp')

  // Remix: prefilled with the prompt; the remix renders in the queue, marked as one.
  await viewer.getByRole('button', { name: 'Remix', exact: true }).click()
  const remixDialog = page.getByRole('dialog', { name: 'Remix this take' })
  const remixPrompt = remixDialog.getByRole('textbox', { name: 'Remix prompt' })
  await expect(remixPrompt).toHaveValue(prompt)
  const remixText = prompt.replace('night market', 'harbour at dawn')
  await remixPrompt.fill(remixText)
  await remixDialog.getByRole('button', { name: 'Start remix' }).click()
  await expect(remixDialog).toBeHidden()
  const lineage = viewer.getByRole('navigation', { name: 'Lineage' })
  await expect(lineage.getByRole('button', { name: new RegExp(remixText) })).toBeVisible()

  await viewer.getByRole('button', { name: 'Close' }).click()
  await expect(viewer).toBeHidden()
  const remixRow = queue.getByRole('listitem', { name: remixText })
  await expect(remixRow.getByRole('progressbar')).toBeVisible()
  await expect(remixRow).toContainText('remix')
  await expect(remixRow).toBeHidden({ timeout: 60_000 })

  // The remix links back to its parent in the viewer, and the parent forward to it.
  const remixGrid = await searchTakes(page, 'harbour at dawn')
  await tile(remixGrid, remixText).click()
  const remixViewer = viewerOf(page, remixText)
  const parentLink = remixViewer.getByRole('navigation', { name: 'Lineage' }).getByRole('button', {
    name: `Remix of: ${prompt}`,
  })
  await expect(parentLink).toBeVisible()
  const remixId = new URL(page.url()).searchParams.get('take') ?? ''
  expect((await getJob(request, remixId)).remixOf).toBe(parentId)
  await parentLink.click()
  await expect(viewerOf(page, prompt)).toBeVisible()
  expect(new URL(page.url()).searchParams.get('take')).toBe(parentId)
})

test('takes compare side by side in sync; the gallery steps with the keyboard', async ({
  page,
  request,
}, testInfo) => {
  const tag = unique('tram')
  const base = `A tram crosses a bridge at dusk, wide shot, ${tag}`
  const variant = `A tram crosses a bridge at dawn, wide shot in rain, ${tag}`
  const group = `grp_${tag.replace(/\W/g, '')}`
  const [a, b] = [
    await startJob(request, { prompt: base, group }),
    await startJob(request, { prompt: base, group }),
  ]
  const c = await startJob(request, { prompt: variant, seconds: 8 })
  for (const job of [a, b, c]) expect((await settled(request, job.id)).status).toBe('completed')

  await page.goto('/')
  const grid = await searchTakes(page, tag)
  await expect(grid.locator('[data-take-id]')).toHaveCount(3)
  const submit = grid.getByRole('group', { name: '2 takes of one submit' })
  await expect(submit.locator('[data-take-id]')).toHaveCount(2)

  // Hovering scrubs through the spritesheet.
  const variantTile = tile(grid, variant)
  await variantTile.hover({ position: { x: 60, y: 40 } })
  await variantTile.hover({ position: { x: 170, y: 40 } })
  const scrub = variantTile.locator('[style*="spritesheet"]')
  await expect(scrub).toHaveCSS('background-position', /%/)
  await grid.getByRole('checkbox', { name: `Select ${variant}` }).check()
  await fontsReady(page)
  await page.screenshot({ path: testInfo.outputPath('gallery-1440x900.png') })
  await noSeriousViolations(page)

  // Arrow keys step through the takes; Enter opens one; Esc brings the focus back to it.
  await variantTile.focus()
  await page.keyboard.press('ArrowRight')
  const second = submit.locator('[data-open-take]').first()
  await expect(second).toBeFocused()
  await page.keyboard.press('Enter')
  const viewer = viewerOf(page, base)
  await expect(viewer.getByRole('slider', { name: 'Seek' })).toBeEnabled(MEDIA)
  await page.keyboard.press(' ')
  await expect.poll(async () => (await videoStates(viewer))[0]?.paused, MEDIA).toBe(false)
  await page.keyboard.press('k')
  await expect.poll(async () => (await videoStates(viewer))[0]?.paused, MEDIA).toBe(true)
  // L shuttles forward, twice is 2×; K stops and never starts; Home goes back to the first frame.
  await page.keyboard.press('l')
  await page.keyboard.press('l')
  await expect.poll(async () => (await videoStates(viewer))[0]?.paused, MEDIA).toBe(false)
  await expect(viewer.getByRole('combobox', { name: 'Playback speed' })).toHaveValue('2')
  await page.keyboard.press('k')
  await page.keyboard.press('k')
  await expect.poll(async () => (await videoStates(viewer))[0]?.paused).toBe(true)
  await page.keyboard.press('Home')
  await expect.poll(async () => (await videoStates(viewer))[0]?.t).toBe(0)
  await page.keyboard.press('Escape')
  await expect(viewer).toBeHidden()
  await expect(second).toBeFocused()

  // Two picked takes, then C: the comparison, in the URL.
  await submit.getByRole('checkbox').first().check()
  await page.keyboard.press('c')
  const compare = page.getByRole('dialog', { name: 'Compare 2 takes' })
  await expect(compare).toBeVisible()
  const picked = new URL(page.url()).searchParams.get('compare')?.split(',') ?? []
  expect(picked).toHaveLength(2)
  expect(picked).toContain(c.id)
  await expect.poll(async () => (await videoStates(compare)).length).toBe(2)
  await expect(compare.locator('mark').first()).toBeVisible()
  // Take A is the one picked first (the variant); B's changes against it are marked.
  await expect(compare.locator('mark')).toHaveText(['dusk,'])
  await expect(compare.locator('del')).toHaveText(['dawn,', 'in rain,'])

  // One seek bar: both land on the same frame.
  await expect(compare.getByRole('slider', { name: 'Seek' })).toBeEnabled(MEDIA)
  await compare.getByRole('slider', { name: 'Seek' }).fill('1.5')
  const seeked = await videoStates(compare)
  expect(Math.abs((seeked[0]?.t ?? 0) - (seeked[1]?.t ?? 9))).toBeLessThan(0.1)
  expect(seeked[0]?.t).toBeCloseTo(1.5, 1)

  // One play/pause drives both.
  await compare.getByRole('button', { name: 'Play' }).click()
  await expect
    .poll(async () => (await videoStates(compare)).map((v) => v.paused), MEDIA)
    .toEqual([false, false])
  await expect
    .poll(async () => Math.min(...(await videoStates(compare)).map((v) => v.t)), MEDIA)
    .toBeGreaterThan(1.8)
  await compare.getByRole('button', { name: 'Pause' }).click()
  await expect
    .poll(async () => (await videoStates(compare)).map((v) => v.paused))
    .toEqual([true, true])
  const paused = await videoStates(compare)
  expect(Math.abs((paused[0]?.t ?? 0) - (paused[1]?.t ?? 9))).toBeLessThan(0.1)

  await fontsReady(page)
  await page.screenshot({ path: testInfo.outputPath('compare-1440x900.png') })
  await noSeriousViolations(page)

  // Esc closes; the URL reopens it as bookmarked; "Compare takes" opens a whole submit.
  const bookmarked = page.url()
  await page.keyboard.press('Escape')
  await expect(compare).toBeHidden()
  expect(new URL(page.url()).searchParams.has('compare')).toBe(false)
  await page.goto(bookmarked)
  await expect(page.getByRole('dialog', { name: 'Compare 2 takes' })).toBeVisible()
  await page.keyboard.press('Escape')
  const ofSubmit = (await searchTakes(page, tag))
    .getByRole('group')
    .filter({ has: page.locator(`[data-take-id="${a.id}"]`) })
  await ofSubmit.getByRole('button', { name: 'Compare takes' }).click()
  await expect(page.getByRole('dialog', { name: 'Compare 2 takes' })).toBeVisible()
  expect(new URL(page.url()).searchParams.get('compare')?.split(',').sort()).toEqual(
    [a.id, b.id].sort(),
  )

  // Narrow screens: the compared takes stack.
  await page.setViewportSize({ width: 390, height: 844 })
  await page.screenshot({ path: testInfo.outputPath('compare-390x844.png') })
})

test('Continue from here hands the last frame, at the take’s size, to the composer as its reference', async ({
  page,
  request,
}) => {
  const { prompt, take } = await finishedTake(
    request,
    'A lighthouse keeper climbs the stairs, portrait',
    {
      size: '720x1280',
    },
  )
  const lastFrame = await (await request.get(`/api/jobs/${take.id}/frame`)).body()
  expect(pngSize(lastFrame)).toEqual({ width: 720, height: 1280 })

  // Straight to the take, as from a bookmark.
  await page.goto(`/?take=${take.id}`)
  const viewer = viewerOf(page, prompt)
  await expect(viewer.getByRole('slider', { name: 'Seek' })).toBeEnabled(MEDIA)
  await expect(viewer.getByText('Continue from here uses the last frame')).toBeVisible()
  await viewer.getByRole('button', { name: 'Continue from here' }).click()
  await expect(viewer).toBeHidden()

  const preview = page.getByRole('img', { name: /Reference image preview/ })
  await expect(preview).toHaveJSProperty('naturalWidth', 720)
  await expect(preview).toHaveJSProperty('naturalHeight', 1280)
  await expect(page.getByRole('textbox', { name: 'Prompt' })).toHaveValue(prompt)
  await expect(page.getByRole('radio', { name: /9:16 portrait/ })).toBeChecked()

  const answered = page.waitForResponse(
    (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/jobs',
  )
  await page.getByRole('button', { name: 'Generate' }).click()
  // The reference is fitted after the 201, in the job's submission step (ADR 008).
  const next = await settled(request, ((await (await answered).json()) as { id: string }).id)
  expect(next.reference).toEqual({
    url: `/api/jobs/${next.id}/reference`,
    width: 720,
    height: 1280,
  })
  // The new job's reference is the last frame itself, pixel for pixel.
  const stored = await (await request.get(`/api/jobs/${next.id}/reference`)).body()
  expect(pngSize(stored)).toEqual({ width: 720, height: 1280 })
  expect(await meanPixelDifference(stored, lastFrame)).toBeLessThan(1)

  // Reuse settings on that new take brings its reference image back into the composer.
  await page.getByRole('textbox', { name: 'Prompt' }).fill('something else')
  await page.goto(`/?take=${next.id}`)
  await viewerOf(page, prompt).getByRole('button', { name: 'Reuse settings' }).click()
  await expect(page.getByRole('textbox', { name: 'Prompt' })).toHaveValue(prompt)
  await expect(page.getByRole('img', { name: /Reference image preview/ })).toHaveJSProperty(
    'naturalHeight',
    1280,
  )

  // From a frame under the playhead instead: that frame, named in the composer's note.
  await page.goto(`/?take=${take.id}`)
  await expect(viewer.getByRole('slider', { name: 'Seek' })).toBeEnabled(MEDIA)
  await viewer.getByRole('slider', { name: 'Seek' }).fill('1.5')
  await expect(viewer.getByText('Continue from here uses the frame at 0:01.5')).toBeVisible()
  const frameAt = page.waitForResponse(
    (r) => r.url().includes(`/api/jobs/${take.id}/frame?t=1.5`),
    MEDIA,
  )
  await viewer.getByRole('button', { name: 'Continue from here' }).click()
  expect(pngSize(await (await frameAt).body())).toEqual({ width: 720, height: 1280 })
  await expect(page.getByText(/Frame at 0:01\.5 of/)).toBeVisible()
})
