import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { defaultFfmpegPath, runFfmpeg } from '../../lib/ffmpeg'
import { probeMedia } from '../../lib/testing/media-probe'
import { FolderVault } from '../vault/folder-vault'
import { makeStill } from './still'

const ffmpeg = defaultFfmpegPath()
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-still-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
const vault = new FolderVault(path.join(dir, 'vault'))

/** A take whose provider sent a WebP thumbnail of `width` × `height`. */
async function takeWithThumbnail(id: string, width: number, height: number): Promise<string> {
  fs.mkdirSync(vault.dirOf(id), { recursive: true })
  const source = `testsrc=size=${width}x${height}:rate=1:duration=1`
  await runFfmpeg(ffmpeg, ['-y', '-f', 'lavfi', '-i', source, '-frames:v', '1', '-c:v', 'libwebp', '-f', 'webp', vault.pathOf(id, 'thumbnail')])
  return id
}

describe('a take’s still', () => {
  it.each([
    ['a 9:16 Sora 2 thumbnail', 720, 1280, 270, 480],
    ['a 16:9 Sora 2 Pro thumbnail', 1792, 1024, 480, 274],
  ])('is %s brought to 480 px on its long side, in WebP', async (_what, width, height, stillWidth, stillHeight) => {
    const id = await takeWithThumbnail(`job_still${width}x${height}`, width, height)
    expect(await makeStill(ffmpeg, vault, id)).toEqual({ width: stillWidth, thumbnailWidth: width })
    const { streams } = await probeMedia(vault.pathOf(id, 'still'))
    expect(streams[0]).toMatchObject({ codec_name: 'webp', width: stillWidth, height: stillHeight })
  })

  it('is never scaled up from a thumbnail already smaller than that', async () => {
    const id = await takeWithThumbnail('job_stillsmall0001', 320, 180)
    expect(await makeStill(ffmpeg, vault, id)).toEqual({ width: 320, thumbnailWidth: 320 })
    expect((await probeMedia(vault.pathOf(id, 'still'))).streams[0]).toMatchObject({ width: 320, height: 180 })
  })
})
