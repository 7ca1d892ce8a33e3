import { expect, type Locator, type Page } from '@playwright/test'

/** Finding takes in the gallery and the viewer, and waiting for what they show. */

/** Media decodes on a machine that may be busy rendering other takes with ffmpeg. */
export const MEDIA = { timeout: 30_000 }

/**
 * Narrows the gallery to one prompt, so takes made by other tests do not get in the way; returns
 * once the search's takes are drawn (until then a tile found may be the unfiltered grid's, about to
 * be taken away).
 */
export async function searchTakes(page: Page, text: string): Promise<Locator> {
  await page.getByRole('searchbox', { name: 'Search prompts' }).fill(text)
  await expect(page.getByRole('region', { name: 'Takes', exact: true })).toHaveAttribute(
    'aria-busy',
    'false',
    MEDIA,
  )
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
