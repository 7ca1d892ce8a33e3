import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

/** A finished take, created and awaited through the real BFF from the page's own origin. */
async function finishedTakeVideoUrl(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const form = new FormData()
    form.set('prompt', 'a slow pan across a harbour at dusk, for seeking')
    form.set('model', 'sora-2')
    form.set('size', '1280x720')
    form.set('seconds', '4')
    const created = (await (await fetch('/api/jobs', { method: 'POST', body: form })).json()) as { id: string }
    for (;;) {
      const job = (await (await fetch(`/api/jobs/${created.id}`)).json()) as {
        status: string
        media: { video: string } | null
      }
      if (job.status === 'failed') throw new Error('the take failed')
      if (job.status === 'completed' && job.media) return job.media.video
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  })
}

test('a finished take plays and seeks in Chromium, served with Range', async ({ page }) => {
  await page.goto('/')
  const videoUrl = await finishedTakeVideoUrl(page)
  const ranged = await page.request.get(videoUrl, { headers: { range: 'bytes=100-199' } })
  expect(ranged.status()).toBe(206)
  expect((await ranged.body()).length).toBe(100)

  const seeked = await page.evaluate(async (src) => {
    const video = document.createElement('video')
    video.muted = true
    video.preload = 'auto'
    video.src = src
    document.body.append(video)
    await new Promise((resolve, reject) => {
      video.onloadedmetadata = resolve
      video.onerror = () => reject(new Error(`video error ${video.error?.code}`))
    })
    video.currentTime = 2.5
    await new Promise((resolve) => (video.onseeked = resolve))
    const result = { duration: video.duration, currentTime: video.currentTime, width: video.videoWidth }
    video.remove()
    return result
  }, videoUrl)
  expect(seeked.duration).toBeCloseTo(4, 1)
  expect(seeked.currentTime).toBeCloseTo(2.5, 1)
  expect(seeked.width).toBe(1280)
})
