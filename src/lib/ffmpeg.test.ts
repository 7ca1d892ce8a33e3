import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { defaultFfmpegPath, FfmpegError, runFfmpeg, videoFrameRate } from './ffmpeg'

const ffmpeg = defaultFfmpegPath()
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-ffmpeg-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

/** A few frames of MP4 at `rate` (frames per second, or a fraction such as 30000/1001). */
async function clip(rate: string): Promise<string> {
  const file = path.join(dir, `${rate.replace('/', '-')}.mp4`)
  const source = `testsrc=size=64x36:rate=${rate}:duration=0.25`
  const encode = '-c:v libx264 -preset ultrafast -pix_fmt yuv420p -y'.split(' ')
  await runFfmpeg(ffmpeg, ['-f', 'lavfi', '-i', source, ...encode, file])
  return file
}

// Exports count a take's timecodes at this rate (docs/decisions/003): the simulator only renders 24.
describe('the frame rate of a video', () => {
  it.each([
    ['25', 25],
    ['30000/1001', 29.97],
    ['50', 50],
  ])('reads %s fps from the file', async (rate, fps) => {
    expect(await videoFrameRate(ffmpeg, await clip(rate))).toBe(fps)
  })

  it('says so when there is no file to read (the export then counts at 24 fps)', async () => {
    await expect(videoFrameRate(ffmpeg, path.join(dir, 'gone.mp4'))).rejects.toBeInstanceOf(
      FfmpegError,
    )
  })
})
