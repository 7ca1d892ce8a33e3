import { defaultFfmpegPath, runFfmpeg } from '../../lib/ffmpeg'
import type { JobRecord } from '../store/job-record'
import type { TestStudio } from './test-studio'
import { seedJob } from './seed-job'

export interface SolidShot {
  colour: string
  size: string
  seconds: number
  fps?: number
  /** A tone under the picture, so the film has sound to carry. */
  tone?: boolean
}

/**
 * A finished take whose video is one solid colour (ffmpeg's lavfi), written into the studio's
 * vault: an export of such takes can be checked frame by frame for which shot a moment came from.
 */
export async function seedSolidTake(studio: TestStudio, shot: SolidShot, fields: Partial<JobRecord> = {}): Promise<JobRecord> {
  const file = studio.vault.tempPath('solid') + '.mp4'
  const fps = shot.fps ?? 24
  const tone = shot.tone ? ['-f', 'lavfi', '-i', `sine=frequency=440:duration=${shot.seconds}`, '-c:a', 'aac'] : []
  await runFfmpeg(defaultFfmpegPath(), [
    '-y', '-f', 'lavfi', '-i', `color=c=${shot.colour}:s=${shot.size}:r=${fps}:d=${shot.seconds}`, ...tone,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-t', String(shot.seconds), file,
  ])
  const take = await seedJob(studio.repo, {
    status: 'completed',
    progress: 100,
    size: shot.size,
    seconds: shot.seconds,
    model: 'sora-2',
    prompt: `a ${shot.colour} shot`,
    completedAt: new Date().toISOString(),
    ...fields,
  })
  await studio.vault.adopt(file, take.id, 'video')
  return take
}

/** Which of red, green and blue is strongest. */
export function dominant([r, g, b]: [number, number, number]): 'red' | 'green' | 'blue' {
  return r >= g && r >= b ? 'red' : g >= b ? 'green' : 'blue'
}
