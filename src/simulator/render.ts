import { mkdir, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { runFfmpeg } from '../lib/ffmpeg'
import { buildFilterGraph, captionCharsPerLine, FPS, wrapText } from './scene'

export const MEDIA_FILES = {
  video: { file: 'video.mp4', contentType: 'video/mp4' },
  thumbnail: { file: 'thumbnail.webp', contentType: 'image/webp' },
  spritesheet: { file: 'spritesheet.jpg', contentType: 'image/jpeg' },
} as const
export type MediaVariant = keyof typeof MEDIA_FILES

export interface RenderJob {
  id: string
  prompt: string
  model: string
  width: number
  height: number
  seconds: number
  remixOf: string | null
  /** A PNG of exactly width × height, drawn as the backdrop. */
  referencePath: string | null
  /** A second PNG of width × height: the clip ends on it (first + last frame renders). */
  lastReferencePath?: string | null
  outDir: string
}

export interface RenderTools {
  ffmpegPath: string
  fontPath: string
}

const THUMBNAIL_WIDTH = 640
const SPRITE_TILE_WIDTH = 160
const SPRITE_GRID = 5

function headerText(job: RenderJob): string {
  const lines = [`Dailies simulator · ${job.model} · ${job.width}x${job.height} · ${job.seconds}s`]
  if (job.remixOf) lines.push(`remix of ${job.remixOf}`)
  return lines.join('\n')
}

/**
 * Renders the clip (H.264, yuv420p, faststart, exactly width × height and `seconds` long), then a
 * WebP thumbnail from its middle and a JPEG spritesheet of 5×5 frames across it. Files are written
 * under temporary names and renamed only when all three exist, so a half render is never served.
 */
export async function renderMedia(
  tools: RenderTools,
  job: RenderJob,
  signal: AbortSignal,
): Promise<void> {
  await mkdir(job.outDir, { recursive: true })
  const at = (file: string) => path.join(job.outDir, file)
  const captionFile = at('caption.txt')
  const headerFile = at('header.txt')
  const graphFile = at('graph.txt')
  const perLine = captionCharsPerLine(job.width, job.height)
  await writeFile(captionFile, wrapText(job.prompt, perLine, 8))
  await writeFile(headerFile, headerText(job))
  const graph = buildFilterGraph({
    width: job.width,
    height: job.height,
    seconds: job.seconds,
    prompt: job.prompt,
    hasReference: job.referencePath !== null,
    hasLastReference: !!job.referencePath && !!job.lastReferencePath,
    fontPath: tools.fontPath,
    captionFile,
    headerFile,
  })
  await writeFile(graphFile, graph)

  const part = {
    video: at('video.part.mp4'),
    thumbnail: at('thumbnail.part.webp'),
    spritesheet: at('spritesheet.part.jpg'),
  }
  const still = (file: string) => ['-loop', '1', '-framerate', String(FPS), '-t', String(job.seconds), '-i', file]
  const reference = job.referencePath
    ? [...still(job.referencePath), ...(job.lastReferencePath ? still(job.lastReferencePath) : [])]
    : []
  const encode = ['-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '28', '-pix_fmt', 'yuv420p']
  const output = [
    '-r',
    String(FPS),
    '-g',
    String(FPS * 2),
    '-threads',
    '2',
    '-movflags',
    '+faststart',
  ]
  await runFfmpeg(
    tools.ffmpegPath,
    ['-y', ...reference, '-filter_complex_script', graphFile, '-map', '[v]'].concat(
      encode,
      output,
      ['-t', String(job.seconds), '-an', part.video],
    ),
    signal,
  )
  // Separate passes from the finished file: splitting one graph three ways is slower here.
  await runFfmpeg(
    tools.ffmpegPath,
    ['-y', '-ss', String(job.seconds / 2), '-i', part.video, '-frames:v', '1'].concat([
      '-vf',
      `scale=${THUMBNAIL_WIDTH}:-2`,
      '-c:v',
      'libwebp',
      part.thumbnail,
    ]),
    signal,
  )
  const tiles = SPRITE_GRID * SPRITE_GRID
  const sprite = `fps=${tiles}/${job.seconds},scale=${SPRITE_TILE_WIDTH}:-2,tile=${SPRITE_GRID}x${SPRITE_GRID}`
  await runFfmpeg(
    tools.ffmpegPath,
    ['-y', '-threads', '2', '-i', part.video, '-vf', sprite, '-frames:v', '1', '-q:v', '4'].concat(
      part.spritesheet,
    ),
    signal,
  )
  await rename(part.thumbnail, at(MEDIA_FILES.thumbnail.file))
  await rename(part.spritesheet, at(MEDIA_FILES.spritesheet.file))
  await rename(part.video, at(MEDIA_FILES.video.file))
}
