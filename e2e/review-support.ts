import type { APIRequestContext, Page } from '@playwright/test'
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

/** A take rendered through the API and finished: its unique prompt and the job. */
export async function finishedTake(
  request: APIRequestContext,
  words: string,
  extra: Omit<NewTake, 'prompt'> = {},
): Promise<{ prompt: string; take: Job }> {
  const prompt = unique(words)
  const take = await settled(request, (await startJob(request, { prompt, ...extra })).id)
  expect(take.status).toBe('completed')
  return { prompt, take }
}

/**
 * Answers the gallery's list of finished takes with `total` copies of `real`, named
 * `${name} 1`…, page by page as the BFF would (`onPage` hears each cursor). The BFF still
 * answers everything else, media included, so each copy shows the real take's pictures.
 */
export async function serveManyTakes(
  page: Page,
  real: Job,
  { total, name, onPage }: { total: number; name: string; onPage?: (cursor: string) => void },
): Promise<void> {
  const idPrefix = `job_${name.toLowerCase().replace(/[^a-z]/g, '')}`
  const takes = Array.from({ length: total }, (_, i) => ({
    ...real,
    id: `${idPrefix}${String(i + 1).padStart(6, '0')}`,
    prompt: `${name} ${i + 1}`,
    group: null,
  }))
  await page.route(
    (url) => url.pathname === '/api/jobs' && url.searchParams.get('status') === 'completed',
    (route) => {
      const url = new URL(route.request().url())
      const start = Number(url.searchParams.get('cursor') ?? 0)
      onPage?.(String(start))
      const end = Math.min(start + Number(url.searchParams.get('limit')), total)
      return route.fulfill({
        json: { items: takes.slice(start, end), nextCursor: end < total ? String(end) : null },
      })
    },
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
