import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { jobListSchema } from '../src/contract/api'
import { jobSchema, type Job } from '../src/contract/job'
import { frameColour } from '../src/lib/testing/media-probe'
import { expect, test } from './fixtures'

const RED: [number, number, number] = [220, 30, 30]
const BLUE: [number, number, number] = [30, 60, 220]

const solid = ([r, g, b]: [number, number, number], width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r, g, b } } })
    .png()
    .toBuffer()

const distance = (a: number[], b: number[]) => Math.hypot(...a.map((v, i) => v - (b[i] ?? 0)))

test('a Veo take from a first and a last frame starts on the first and ends on the last', async ({
  page,
}, testInfo) => {
  test.slow()
  const prompt = `A red card turns blue, slow push in (${testInfo.testId})`
  await page.goto('/')
  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt)
  const model = page.getByRole('combobox', { name: 'Model', exact: true })
  await model.selectOption('veo3.1')
  await expect(page.getByText('Reference image', { exact: true })).toHaveCount(0)
  await page
    .getByLabel('First frame', { exact: true })
    .setInputFiles({ name: 'red.png', mimeType: 'image/png', buffer: await solid(RED, 800, 600) })
  await page
    .getByLabel('Last frame', { exact: true })
    .setInputFiles({ name: 'blue.png', mimeType: 'image/png', buffer: await solid(BLUE, 600, 800) })
  await expect(
    page.getByRole('img', { name: 'Reference image preview, cropped to fill the 16:9 frame' }),
  ).toHaveCount(2)
  await page.screenshot({ path: test.info().outputPath('compose-first-last-1440.png') })
  await page.setViewportSize({ width: 390, height: 844 })
  await page.getByLabel('Last frame', { exact: true }).scrollIntoViewIfNeeded()
  await page.screenshot({ path: test.info().outputPath('compose-first-last-390.png') })
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.getByRole('button', { name: 'Generate' }).click()

  let job: Job | undefined
  await expect(async () => {
    const list = jobListSchema.parse(
      await (await page.request.get(`/api/jobs?q=${encodeURIComponent(testInfo.testId)}`)).json(),
    )
    job = list.items[0]
    expect(job?.status).toBe('completed')
  }).toPass({ timeout: 90_000 })
  expect(job).toMatchObject({
    model: 'veo3.1',
    providerModel: 'veo_3_1-4K',
    size: '16x9',
    seconds: 8,
  })

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-e2e-frames-'))
  const file = path.join(dir, 'take.mp4')
  fs.writeFileSync(file, await (await page.request.get(job?.media?.video ?? '')).body())
  const first = await frameColour(file, 'first')
  const last = await frameColour(file, 'last')
  fs.rmSync(dir, { recursive: true, force: true })
  expect(distance(first, RED), `first frame ${first.join(',')}`).toBeLessThan(45)
  expect(distance(last, BLUE), `last frame ${last.join(',')}`).toBeLessThan(45)

  // The viewer names both the alias asked for and what the provider rendered it with.
  await page.goto(`/?take=${job?.id ?? ''}`)
  const info = page.getByRole('dialog', { name: /^Take:/ })
  await expect(info.getByText('veo_3_1-4K')).toBeVisible()
  await expect(info.getByRole('img', { name: 'Last frame of this take' })).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('viewer-veo-1440.png') })
})

test('cancel a running take from the queue', async ({ page }, testInfo) => {
  test.slow()
  const prompt = `A long harbour pan at dusk (${testInfo.testId})`
  await page.goto('/')
  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt)
  await page.getByRole('combobox', { name: 'Model', exact: true }).selectOption('veo3.1-pro')
  await page.getByRole('button', { name: 'Generate' }).click()

  const cancel = page.getByRole('button', { name: `Cancel ${prompt}` })
  await cancel.waitFor()
  await page.screenshot({ path: test.info().outputPath('queue-cancel-1440.png') })
  await cancel.click()
  await expect(cancel).toHaveCount(0)
  await expect(async () => {
    const list = jobListSchema.parse(
      await (await page.request.get(`/api/jobs?q=${encodeURIComponent(testInfo.testId)}`)).json(),
    )
    expect(list.items.map((j) => jobSchema.parse(j).status)).toEqual(['cancelled'])
  }).toPass({ timeout: 20_000 })
})
