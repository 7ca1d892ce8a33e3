import { noSeriousViolations } from './axe'
import fs from 'node:fs/promises'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { fontsReady, MEDIA, viewerOf } from './gallery-page'
import { finishedTake, getJob } from './review-support'

test.describe.configure({ timeout: 180_000 })
const FPS = 24

/** Steps the playhead frame by frame from the first frame to `frame`, as an editor would with `.`. */
async function stepToFrame(page: Page, frame: number) {
  await page.keyboard.press('Home')
  for (let i = 0; i < frame; i++) await page.keyboard.press('.')
}

/** Where the 16:9 picture is inside the video element (object-fit: contain), in page pixels. */
async function pictureBox(viewer: Locator) {
  const box = await viewer.getByLabel('Take video').boundingBox()
  if (!box) throw new Error('The video has no box')
  const scale = Math.min(box.width / 1280, box.height / 720)
  const width = 1280 * scale
  const height = 720 * scale
  return {
    x: box.x + (box.width - width) / 2,
    y: box.y + (box.height - height) / 2,
    width,
    height,
  }
}

const videoTime = (viewer: Locator) =>
  viewer
    .getByLabel('Take video')
    .evaluate((video: HTMLVideoElement) => ({ t: video.currentTime, paused: video.paused }))

test('a note with a rectangle at 1.5 s comes back after a reload at its frame, drawn where it was placed', async ({
  page,
  request,
}) => {
  const { prompt, take: job } = await finishedTake(request, 'A red kite dips over a windy beach', {
    size: '1280x720',
    seconds: 4,
  })
  await page.goto(`/?take=${job.id}`)
  const viewer = viewerOf(page, prompt)
  await expect(viewer.getByRole('slider', { name: 'Seek' })).toBeEnabled(MEDIA)

  // N at 1.5 s: paused, the cursor in the note.
  await stepToFrame(page, 36)
  await expect(viewer.getByRole('button', { name: /^00:00:01:12;/ })).toBeVisible()
  await page.keyboard.press('n')
  const form = viewer.getByRole('form', { name: 'New note at 00:00:01:12' })
  const text = form.getByRole('textbox', { name: 'Note' })
  await expect(text).toBeFocused()
  await form.getByRole('textbox', { name: /Your name/ }).fill('Dana')

  // A rectangle from 30 %, 35 % to 60 %, 65 % of the picture.
  const picture = await pictureBox(viewer)
  const from = { x: picture.x + 0.3 * picture.width, y: picture.y + 0.35 * picture.height }
  const to = { x: picture.x + 0.6 * picture.width, y: picture.y + 0.65 * picture.height }
  await viewer
    .getByRole('toolbar', { name: 'Marks' })
    .getByRole('button', { name: 'Rectangle' })
    .click()
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(to.x, to.y, { steps: 8 })
  await page.mouse.up()
  await text.fill('The kite’s tail leaves the frame here')
  await text.press('Enter')

  const notes = viewer.getByRole('list', { name: 'Notes' })
  await expect(notes.getByRole('listitem')).toHaveCount(1)
  await expect(notes).toContainText('00:00:01:12Dana')

  await page.reload()
  await expect(viewer.getByRole('slider', { name: 'Seek' })).toBeEnabled(MEDIA)
  await expect(viewer.locator('[data-mark="rect"]')).toHaveCount(0)
  await viewer
    .getByRole('list', { name: 'Notes' })
    .getByRole('button', { name: /The kite’s tail leaves the frame here/ })
    .click()

  await expect
    .poll(async () => {
      const { t, paused } = await videoTime(viewer)
      return paused && Math.abs(t - 1.5) <= 1 / FPS
    }, MEDIA)
    .toBe(true)
  const drawn = await viewer.locator('[data-mark="rect"] path').last().boundingBox()
  expect(drawn).not.toBeNull()
  for (const [got, want] of [
    [drawn?.x, from.x],
    [drawn?.y, from.y],
    [(drawn?.x ?? 0) + (drawn?.width ?? 0), to.x],
    [(drawn?.y ?? 0) + (drawn?.height ?? 0), to.y],
  ] as const) {
    // The shape's edge is where the pointer went, within the stroke's half width.
    expect(Math.abs((got ?? NaN) - want)).toBeLessThanOrEqual(3)
  }
})

test('the timeline marks each note, Esc lets go of a note, verdict keys judge the take, and the viewer passes axe', async ({
  page,
  request,
}, testInfo) => {
  const { prompt, take: job } = await finishedTake(request, 'A lighthouse beam sweeps the fog', {
    size: '1280x720',
    seconds: 4,
  })
  const notes = [
    {
      at: 0.5,
      text: 'Too dark at the start: lift the shadows',
      marks: [{ kind: 'ellipse', colour: 'yellow', cx: 0.5, cy: 0.4, rx: 0.15, ry: 0.2 }],
    },
    {
      at: 1.5,
      text: 'The beam should cross the lens here',
      marks: [
        { kind: 'arrow', colour: 'blue', from: [0.2, 0.8], to: [0.45, 0.5] },
        { kind: 'rect', colour: 'red', x: 0.55, y: 0.2, w: 0.3, h: 0.35 },
        {
          kind: 'freehand',
          colour: 'green',
          points: [
            [0.1, 0.2],
            [0.15, 0.25],
            [0.2, 0.22],
            [0.28, 0.3],
          ],
        },
      ],
    },
    { at: 2, until: 3, text: 'Hold on the horizon a beat longer', marks: [] },
  ]
  for (const note of notes) {
    const created = await request.post(`/api/jobs/${job.id}/notes`, {
      data: { ...note, author: 'Lee' },
    })
    expect(created.status(), await created.text()).toBe(201)
  }
  await page.goto(`/?take=${job.id}`)
  const viewer = viewerOf(page, prompt)
  await expect(viewer.getByRole('slider', { name: 'Seek' })).toBeEnabled(MEDIA)

  // The range note's marker on the timeline: a click goes to its in point.
  const timeline = viewer.getByRole('group', { name: 'Notes on the timeline' })
  await expect(timeline.getByRole('button')).toHaveCount(3)
  await timeline.getByRole('button', { name: /^Note at 00:00:02:00/ }).click()
  await expect
    .poll(async () => Math.abs((await videoTime(viewer)).t - 2) <= 1 / FPS, MEDIA)
    .toBe(true)
  await expect(
    viewer.getByRole('listitem').filter({ hasText: 'Hold on the horizon' }),
  ).toHaveAttribute('aria-current', 'true')

  // N, then Esc: the note is let go of, the viewer stays.
  await page.keyboard.press('n')
  await expect(viewer.getByRole('textbox', { name: 'Note' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(viewer.getByRole('textbox', { name: 'Note' })).toBeHidden()
  await expect(viewer).toBeVisible()

  // O circles the take; the bar shows it and the server keeps it; O again clears it.
  const circled = viewer
    .getByRole('group', { name: 'Verdict' })
    .getByRole('button', { name: /Circled/ })
  await page.keyboard.press('o')
  await expect(circled).toHaveAttribute('aria-pressed', 'true')
  await expect.poll(async () => (await getJob(request, job.id)).verdict).toBe('circled')
  await page.keyboard.press('x')
  await expect.poll(async () => (await getJob(request, job.id)).verdict).toBe('no_good')
  await page.keyboard.press('o')
  await expect.poll(async () => (await getJob(request, job.id)).verdict).toBe('circled')
  await page.keyboard.press('o')
  await expect(circled).toHaveAttribute('aria-pressed', 'false')
  await expect.poll(async () => (await getJob(request, job.id)).verdict).toBeNull()
  await page.keyboard.press('o')
  await expect.poll(async () => (await getJob(request, job.id)).verdict).toBe('circled')

  // The take's notes, verdict and prompt download from the viewer as Markdown, in timecode.
  await viewer.getByRole('button', { name: 'Export notes' }).click()
  const menu = viewer.getByRole('menu', { name: 'Export notes' })
  await expect(menu).toBeVisible()
  await noSeriousViolations(page)
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    menu.getByRole('menuitem', { name: /Markdown/ }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/-take-A-notes-\d{4}-\d{2}-\d{2}\.md$/)
  const markdown = await fs.readFile(await download.path(), 'utf8')
  expect(markdown).toContain('## Take A · Circled')
  expect(markdown).toContain(`> ${prompt}`)
  for (const row of [
    '| 00:00:00:12 |  | Too dark at the start: lift the shadows | Lee | 1 ellipse |',
    '| 00:00:01:12 |  | The beam should cross the lens here | Lee | 1 arrow, 1 rectangle, 1 stroke |',
    '| 00:00:02:00 | 00:00:03:00 | Hold on the horizon a beat longer | Lee |  |',
  ])
    expect(markdown).toContain(row)

  // At the note with marks, for the screenshots: the footage with its marks, the notes beside it.
  await viewer
    .getByRole('list', { name: 'Notes' })
    .getByRole('button', { name: /The beam should cross the lens here/ })
    .click()
  await expect(viewer.locator('[data-mark]')).toHaveCount(3)
  await fontsReady(page)
  await noSeriousViolations(page)
  await page.screenshot({ path: testInfo.outputPath('viewer-notes-1440x900.png') })
  await page.keyboard.press('n')
  await expect(viewer.getByRole('toolbar', { name: 'Marks' })).toBeVisible()
  await noSeriousViolations(page)
  await page.screenshot({ path: testInfo.outputPath('viewer-note-drawing-1440x900.png') })
  await page.keyboard.press('Escape')

  await page.setViewportSize({ width: 390, height: 844 })
  await expect(viewer.locator('[data-mark]')).toHaveCount(3)
  await page.screenshot({ path: testInfo.outputPath('viewer-notes-390x844.png') })
  await noSeriousViolations(page)
})
