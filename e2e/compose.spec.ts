import { noSeriousViolations } from './axe'
import type { Page } from '@playwright/test'
import sharp from 'sharp'
import { jobListSchema } from '../src/contract/api'
import { expect, test } from './fixtures'

/** A 4:3 still with a horizon and a sun off-centre, so a crop or a letterbox shows at a glance. */
async function referencePng(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1200">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#1b2a4a"/><stop offset="1" stop-color="#d9825b"/></linearGradient></defs>
    <rect width="1600" height="1200" fill="url(#sky)"/>
    <circle cx="1120" cy="640" r="130" fill="#ffd27a"/>
    <rect y="760" width="1600" height="440" fill="#0f1a14"/>
    <rect x="40" y="40" width="1520" height="1120" fill="none" stroke="#ffffff" stroke-width="24"/>
  </svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}

async function chooseReference(page: Page) {
  const chooser = page.waitForEvent('filechooser')
  await page.getByText('browse', { exact: true }).click()
  await (
    await chooser
  ).setFiles({ name: 'night-market.png', mimeType: 'image/png', buffer: await referencePng() })
}

async function fontsReady(page: Page) {
  await page.evaluate(async () => {
    await document.fonts.ready
  })
}

test('compose two takes with a reference image, see the crop, and find them in the queue', async ({
  page,
}, testInfo) => {
  // Uploads, renders on the simulator and two screenshots: more than the default 30 s on a busy machine.
  test.slow()
  const prompt = `A paper lantern drifts over a night market, slow dolly in (${testInfo.testId})`
  await page.goto('/')

  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt)
  await page.getByRole('combobox', { name: 'Model', exact: true }).selectOption('sora-2')
  const size = page.getByRole('radiogroup', { name: 'Size' })
  await size.getByRole('radio', { name: /16:9 landscape/ }).check()
  await page
    .getByRole('radiogroup', { name: 'Duration' })
    .getByRole('radio', { name: '8 seconds' })
    .check()
  await page
    .getByRole('radiogroup', { name: 'Takes' })
    .getByRole('radio', { name: '2 takes' })
    .check()

  await chooseReference(page)
  const preview = page.getByRole('img', { name: /Reference image preview/ })
  await expect(preview).toBeVisible()
  await expect(preview).toHaveJSProperty('naturalWidth', 1600)
  // The preview frame has the render's shape, and cover fills it as the server's crop does.
  const frame = (await preview.boundingBox())!
  expect(frame.width / frame.height).toBeCloseTo(1280 / 720, 1)
  await expect(preview).toHaveCSS('object-fit', 'cover')
  await expect(page.getByText('Cover: crops the top and bottom (25% of the image)')).toBeVisible()
  await page.getByRole('radio', { name: 'Contain' }).check()
  await expect(preview).toHaveCSS('object-fit', 'contain')
  await expect(page.getByText('Contain: black bars left and right')).toBeVisible()

  const generate = page.getByRole('button', { name: 'Generate' })
  await expect(generate).toHaveAccessibleDescription('2 takes · 8 s · ≈ $1.60')

  await fontsReady(page)
  const compose = page.getByRole('complementary', { name: 'Compose' })
  await compose.screenshot({ path: testInfo.outputPath('composer-1440x900.png') })
  await page.screenshot({ path: testInfo.outputPath('studio-1440x900.png') })

  // The simulator renders fast, so watch for the queue rows from before the click (waitFor
  // checks on every animation frame) rather than after it.
  const queueRows = page
    .getByRole('list', { name: 'Rendering' })
    .getByRole('listitem', { name: prompt })
    .filter({ hasText: 'Sora 2 · 1280 × 720 · 8 s' })
  const queued = queueRows.first().waitFor()
  await generate.click()
  await queued
  await expect(page.getByText('Started 2 takes: they are in Rendering.')).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('studio-1440x900-submitted.png') })
  // The form keeps what was typed, ready for the next variation.
  await expect(page.getByRole('textbox', { name: 'Prompt' })).toHaveValue(prompt)

  // The references are fitted after the 201, in each job's submission step (ADR 008).
  const listed = async () =>
    jobListSchema
      .parse(await page.evaluate(async () => (await fetch('/api/jobs?limit=10')).json() as Promise<unknown>))
      .items.filter((job) => job.prompt === prompt)
  await expect.poll(async () => (await listed()).filter((job) => job.status !== 'submitting').length).toBe(2)
  const mine = await listed()
  expect(mine).toHaveLength(2)
  for (const job of mine) {
    expect(job).toMatchObject({ model: 'sora-2', size: '1280x720', seconds: 8, costUsd: 0.8 })
    expect(job.reference).toMatchObject({ width: 1280, height: 720 })
  }
  expect(mine[0]?.group).toBeTruthy()
  expect(mine[1]?.group).toBe(mine[0]?.group)

  await page.setViewportSize({ width: 390, height: 844 })
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: testInfo.outputPath('studio-390x844.png') })
  await compose.screenshot({ path: testInfo.outputPath('composer-390x844.png') })
})

test('the draft survives a reload, reference image included', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('textbox', { name: 'Prompt' }).fill('Fog over a harbour, long lens')
  await page.getByRole('radio', { name: '12 seconds' }).check()
  await chooseReference(page)
  await expect(page.getByRole('img', { name: /Reference image preview/ })).toBeVisible()

  await page.reload()

  await expect(page.getByRole('textbox', { name: 'Prompt' })).toHaveValue(
    'Fog over a harbour, long lens',
  )
  await expect(page.getByRole('radio', { name: '12 seconds' })).toBeChecked()
  await expect(page.getByRole('img', { name: /Reference image preview/ })).toHaveJSProperty(
    'naturalWidth',
    1600,
  )
  await expect(page.getByText('night-market.png')).toBeVisible()
})

test('a large reference shows its upload progress', async ({ page }) => {
  test.slow()
  await page.goto('/')
  await page.getByRole('textbox', { name: 'Prompt' }).fill('A tram at dusk, seen through rain')
  // Noise does not compress: a JPEG of about 1.3 MB.
  const noise = Buffer.alloc(1400 * 1000 * 3)
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24
  const buffer = await sharp(noise, { raw: { width: 1400, height: 1000, channels: 3 } })
    .jpeg({ quality: 95 })
    .toBuffer()
  await page
    .getByLabel('Reference image', { exact: true })
    .setInputFiles({ name: 'rain.jpg', mimeType: 'image/jpeg', buffer })
  await expect(page.getByRole('img', { name: /Reference image preview/ })).toBeVisible()

  // A slow uplink (256 kB/s), so the upload takes a few seconds.
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: 256 * 1024,
  })
  await page.getByRole('button', { name: 'Generate' }).click()

  const bar = page.getByRole('progressbar', { name: 'Upload' })
  await expect(bar).toBeVisible()
  await expect(page.getByText(/^Uploading reference image · \d+%$/)).toBeVisible()
  await expect(page.getByText('Started 1 take: it is in Rendering.')).toBeVisible({
    timeout: 30_000,
  })
  await expect(bar).toBeHidden()
})

test('an oversized reference arrives downscaled, and enlarges to be checked', async ({ page }) => {
  test.slow()
  // Chromium reports no body size for a multipart upload of a Blob: note the files handed to send().
  await page.addInitScript(() => {
    const send = Object.getOwnPropertyDescriptor(XMLHttpRequest.prototype, 'send')!
      .value as XMLHttpRequest['send']
    const sent: number[] = []
    Object.assign(window, { sentImageBytes: sent })
    XMLHttpRequest.prototype.send = function (body) {
      if (body instanceof FormData)
        for (const value of body.values()) if (value instanceof File) sent.push(value.size)
      send.call(this, body)
    }
  })
  await page.goto('/')
  await page.getByRole('textbox', { name: 'Prompt' }).fill('A tram at dusk, seen through rain')
  // 4000 × 3000 of grain: far more than Sora 2's largest frame (1280 tall) needs.
  const buffer = await sharp({
    create: {
      width: 4000,
      height: 3000,
      channels: 3,
      background: '#40506a',
      noise: { type: 'gaussian', mean: 110, sigma: 40 },
    },
  })
    .jpeg({ quality: 92 })
    .toBuffer()
  await page
    .getByLabel('Reference image', { exact: true })
    .setInputFiles({ name: 'grain.jpg', mimeType: 'image/jpeg', buffer })
  await expect(page.getByText('Downscaled 4000 × 3000 → 1707 × 1280 before upload')).toBeVisible()

  await page.getByRole('button', { name: 'Enlarge reference image' }).click()
  const dialog = page.getByRole('dialog', { name: /^Reference image/ })
  await expect(dialog.getByRole('img', { name: /Reference image preview/ })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('button', { name: 'Enlarge reference image' })).toBeFocused()

  await page.getByRole('button', { name: 'Generate' }).click()
  await expect(page.getByText('Started 1 take: it is in Rendering.')).toBeVisible({
    timeout: 30_000,
  })
  const sent = await page.evaluate(
    () => (window as unknown as { sentImageBytes: number[] }).sentImageBytes,
  )
  expect(sent).toHaveLength(1)
  expect(sent[0]).toBeGreaterThan(0)
  expect(sent[0]).toBeLessThan(buffer.length / 2)
})

test('the studio with a filled composer has no serious or critical accessibility violations', async ({
  page,
}) => {
  test.slow()
  await page.goto('/')
  await page.getByRole('textbox', { name: 'Prompt' }).fill('A tram at dusk')
  await chooseReference(page)
  await expect(page.getByRole('img', { name: /Reference image preview/ })).toBeVisible()

  await noSeriousViolations(page)
})
