import type { APIRequestContext, Page } from '@playwright/test'
import type { Job } from '../src/contract/job'
import { expect } from './fixtures'
import { searchTakes } from './gallery-page'
import { finishedTake, unique } from './review-support'

/**
 * The owner's reel steps, shared by the reel spec and the review-link spec that follows it:
 * three finished takes, picked in the gallery in order, made into a reel, exported as one MP4.
 */

export interface ThreeTakes {
  tag: string
  takes: { prompt: string; take: Job }[]
}

/** Three finished takes whose prompts share a tag, so a search shows exactly them. */
export async function threeTakes(request: APIRequestContext, words = 'reel shot'): Promise<ThreeTakes> {
  const tag = unique('reeltag').split(' ')[1] ?? 'reeltag'
  const takes = []
  for (const [index, scene] of ['harbour at dawn', 'market at noon', 'lighthouse at night'].entries()) {
    takes.push(await finishedTake(request, `${words} ${index + 1} ${scene} ${tag}`))
  }
  return { tag, takes }
}

/** Picks the takes in the gallery in the given order and presses Make reel: the reel opens. */
export async function makeReelFromGallery(
  page: Page,
  three: ThreeTakes,
  /** Runs with the takes picked, before Make reel (e.g. a screenshot of the selection bar). */
  picked: () => Promise<void> = () => Promise.resolve(),
): Promise<string> {
  await page.goto('/')
  const grid = await searchTakes(page, three.tag)
  await expect(grid.locator('[data-take-id]')).toHaveCount(three.takes.length)
  for (const { take } of three.takes) {
    await grid.locator(`[data-take-id="${take.id}"]`).getByRole('checkbox').check()
  }
  await picked()
  await page.getByRole('button', { name: 'Make reel' }).click()
  const reel = page.getByRole('dialog', { name: /^Reel / })
  await expect(reel.getByRole('list', { name: 'Shots' }).getByRole('listitem')).toHaveCount(three.takes.length)
  await expect(page).toHaveURL(/[?&]reel=reel_/)
  return new URL(page.url()).searchParams.get('reel') ?? ''
}

/** Exports the open reel with the given transition and waits for Download; returns the file's name. */
export async function exportOpenReel(page: Page, transition: 'Cut' | 'Cross-fade' = 'Cut'): Promise<string> {
  const reel = page.getByRole('dialog', { name: /^Reel / })
  await reel.getByRole('radio', { name: transition }).check()
  await reel.getByRole('button', { name: 'Export MP4' }).click()
  const download = reel.getByRole('link', { name: 'Download' })
  await expect(download).toBeVisible({ timeout: 90_000 })
  const downloading = page.waitForEvent('download')
  await download.click()
  return (await downloading).suggestedFilename()
}
