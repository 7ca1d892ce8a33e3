import type { APIRequestContext, Locator, Page } from '@playwright/test'
import sharp from 'sharp'
import { jobSchema, type Job } from '../src/contract/job'
import { expect } from './fixtures'

export interface NewTake {
  prompt: string
  model?: 'sora-2' | 'sora-2-pro'
  size?: '1280x720' | '720x1280'
  seconds?: 4 | 8 | 12
  group?: string
}

/** Starts a job through the API, as another tab or a script would. */
export async function startJob(request: APIRequestContext, take: NewTake): Promise<Job> {
  const multipart: Record<string, string> = {
    prompt: take.prompt,
    model: take.model ?? 'sora-2',
    size: take.size ?? '1280x720',
    seconds: String(take.seconds ?? 4),
  }
  if (take.group) multipart.group = take.group
  const response = await request.post('/api/jobs', { multipart })
  expect(response.status(), await response.text()).toBe(201)
  return jobSchema.parse(await response.json())
}

export async function getJob(request: APIRequestContext, id: string): Promise<Job> {
  return jobSchema.parse(await (await request.get(`/api/jobs/${id}`)).json())
}

/** Waits, through the API, until the job reaches a terminal state, and returns it. */
export async function settled(request: APIRequestContext, id: string): Promise<Job> {
  await expect
    .poll(async () => (await getJob(request, id)).status, { timeout: 60_000 })
    .toMatch(/^(completed|failed)$/)
  return getJob(request, id)
}

export function unique(words: string): string {
  return `${words} ${Math.random().toString(36).slice(2, 8)}`
}

/** Narrows the gallery to one prompt, so takes made by other tests do not get in the way. */
export async function searchTakes(page: Page, text: string): Promise<Locator> {
  await page.getByRole('searchbox', { name: 'Search prompts' }).fill(text)
  return page.getByRole('region', { name: 'Takes grid' })
}

export function tile(grid: Locator, prompt: string): Locator {
  return grid.getByRole('button', { name: prompt, exact: true })
}

export function viewerOf(page: Page, prompt: string): Locator {
  return page.getByRole('dialog', { name: `Take: ${prompt}` })
}

export async function fontsReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready
  })
}

/** currentTime and paused of every <video> in the locator. */
export function videoStates(scope: Locator): Promise<{ t: number; paused: boolean }[]> {
  return scope
    .locator('video')
    .evaluateAll((videos) =>
      (videos as HTMLVideoElement[]).map((v) => ({ t: v.currentTime, paused: v.paused })),
    )
}

/** Width and height of the PNG in `bytes` (from its IHDR chunk). */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

/** The mean difference per channel (0–255) between two images of the same size. */
export async function meanPixelDifference(a: Buffer, b: Buffer): Promise<number> {
  const [pa, pb] = await Promise.all([a, b].map((img) => sharp(img).removeAlpha().raw().toBuffer()))
  expect(pa?.length).toBe(pb?.length)
  let sum = 0
  for (let i = 0; i < (pa?.length ?? 0); i++) sum += Math.abs((pa?.[i] ?? 0) - (pb?.[i] ?? 0))
  return sum / (pa?.length || 1)
}
