import fs from 'node:fs'
import path from 'node:path'
import { reelDetailSchema } from '../../src/contract/reels'
import { defaultFontPath } from '../../src/lib/drawtext'
import { defaultFfmpegPath, runFfmpeg } from '../../src/lib/ffmpeg'
import { exportGraph, exportInputArgs, exportOutputArgs, exportSeconds } from '../../src/server/reels/export-graph'
import { seedJob } from '../../src/server/testing/seed-job'
import { startTestStudio, type TestStudio } from '../../src/server/testing/test-studio'
import type { Bench } from './context'
import { cacheDir, linkOrCopy } from './seed'
import { fixed, row } from './table'

const SHOTS = 10
const SECONDS = 4
const SIZE = '1280x720'
/** Each side runs this often, in the order A B B A, so drift in the machine's load falls on both. */
const PAIRS = 2

/** Ten 4 s 1280x720 clips with moving content (testsrc2, each in its own hue), made once and cached. */
async function shotFiles(ffmpegPath: string): Promise<string[]> {
  const files: string[] = []
  for (let i = 0; i < SHOTS; i++) {
    const file = path.join(cacheDir(), `reel-shot-${i}-${SIZE}-${SECONDS}s.mp4`)
    if (!fs.existsSync(file)) {
      const temp = `${file}.${process.pid}.tmp.mp4`
      await runFfmpeg(ffmpegPath, [
        '-y', '-f', 'lavfi', '-i', `testsrc2=s=${SIZE}:r=24:d=${SECONDS}`,
        '-vf', `hue=h=${i * 36}`, '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', temp,
      ])
      fs.renameSync(temp, file)
    }
    files.push(file)
  }
  return files
}

async function timeStudioExport(studio: TestStudio, reelId: string): Promise<number> {
  const started = performance.now()
  const reply = await studio.app.inject({ method: 'POST', url: `/api/reels/${reelId}/export`, payload: { transition: 'cut' } })
  if (reply.statusCode !== 202) throw new Error(`export refused: ${reply.statusCode} ${reply.body}`)
  // Polled as the web app does, though more often: the polls share the CPU with ffmpeg.
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 250))
    const detail = reelDetailSchema.parse((await studio.app.inject({ method: 'GET', url: `/api/reels/${reelId}` })).json())
    if (detail.export?.status === 'completed') return (performance.now() - started) / 1000
    if (detail.export?.status === 'failed') throw new Error(`export failed: ${detail.export.error?.message}`)
  }
}

/**
 * 8. Reel export: a reel of 10 × 4 s 1280x720 takes exported through the studio (POST, then
 * polling the reel until it is completed), against ffmpeg run directly on the same files with
 * the same filter graph and encoder settings (built by the same functions the exporter uses).
 */
export const benchReels: Bench = async (ctx) => {
  const ffmpegPath = defaultFfmpegPath()
  ctx.log('making the shots (cached after the first run)')
  const files = await shotFiles(ffmpegPath)
  const studio = await startTestStudio()
  ctx.defer(() => studio.close())
  const takes = []
  for (const file of files) {
    const take = await seedJob(studio.repo, { status: 'completed', progress: 100, size: SIZE, seconds: SECONDS, model: 'sora-2' })
    // A hard link into the vault's temp folder, adopted as the take's video: no copy of the bytes.
    const temp = studio.vault.tempPath('bench-shot')
    linkOrCopy(file, temp)
    await studio.vault.adopt(temp, take.id, 'video')
    takes.push(take)
  }
  const created = await studio.app.inject({
    method: 'POST',
    url: '/api/reels',
    payload: { name: 'Bench reel', jobIds: takes.map((take) => take.id) },
  })
  const reelId = reelDetailSchema.parse(created.json()).id

  const shots = files.map((file) => ({ file, seconds: SECONDS, hasAudio: false, titleFile: null }))
  const plan = { width: 1280, height: 720, transition: 'cut' as const, fontFile: defaultFontPath(), shots }
  const { graph, audio } = exportGraph(plan)
  const dir = ctx.tempDir('reels')
  const graphFile = path.join(dir, 'graph.txt')
  fs.writeFileSync(graphFile, graph)
  const direct = async () => {
    const started = performance.now()
    const args = ['-y', ...exportInputArgs(shots), ...exportOutputArgs(graphFile, audio, exportSeconds(plan), path.join(dir, 'direct.mp4'))]
    await runFfmpeg(ffmpegPath, args)
    return (performance.now() - started) / 1000
  }

  const studioTimes: number[] = []
  const directTimes: number[] = []
  for (let pair = 0; pair < PAIRS; pair++) {
    const order = pair % 2 === 0 ? ['studio', 'direct'] : ['direct', 'studio']
    for (const side of order) {
      ctx.log(`pair ${pair + 1}: ${side}`)
      if (side === 'studio') studioTimes.push(await timeStudioExport(studio, reelId))
      else directTimes.push(await direct())
    }
  }
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)
  const ratio = sum(studioTimes) / sum(directTimes)
  const list = (values: number[]) => values.map((v) => fixed(v, 1)).join(', ')
  return [
    row('8', 'reel export (10 × 4 s 1280x720, cut), studio ÷ direct ffmpeg', `${fixed(ratio, 2)} (${fixed(sum(studioTimes), 1)} s ÷ ${fixed(sum(directTimes), 1)} s)`, '≤ 1.3', ratio <= 1.3),
    row('8', '… each run, studio / direct (s)', `${list(studioTimes)} / ${list(directTimes)}`),
  ]
}
