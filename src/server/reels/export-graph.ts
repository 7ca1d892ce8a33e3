import { escapeFilterValue as esc } from '../../lib/drawtext'
import { CROSSFADE_SECONDS, REEL_EXPORT_FPS, type ReelTransition } from '../../contract/reels'

/** One shot of an export, as ffmpeg reads it. */
export interface ExportShot {
  file: string
  /** The shot's length in the film: the take's seconds (a short file is held on its last frame). */
  seconds: number
  hasAudio: boolean
  /** A file holding the title card's text, when title cards are on. */
  titleFile: string | null
}

export interface ExportPlan {
  width: number
  height: number
  transition: ReelTransition
  fontFile: string
  shots: readonly ExportShot[]
}

type Timed = Pick<ExportShot, 'seconds'>

/** How long a title card stays over the start of its shot. */
const TITLE_SECONDS = 2.5
const AUDIO = 'aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo'

/** The film's length: every shot's, less the overlaps of the cross-fades. */
export function exportSeconds(plan: { transition: ReelTransition; shots: readonly Timed[] }): number {
  const sum = plan.shots.reduce((total, shot) => total + shot.seconds, 0)
  return plan.transition === 'crossfade' ? sum - crossfadeOverlaps(plan.shots) : sum
}

/** The overlap of each cross-fade, never more than half the shorter of its two shots. */
function fadeBetween(a: Timed, b: Timed): number {
  return Math.min(CROSSFADE_SECONDS, a.seconds / 2, b.seconds / 2)
}

function crossfadeOverlaps(shots: readonly Timed[]): number {
  let total = 0
  for (let i = 1; i < shots.length; i++) total += fadeBetween(shots[i - 1]!, shots[i]!)
  return total
}

function titleCard(plan: ExportPlan, shot: ExportShot): string {
  if (!shot.titleFile) return ''
  const fontSize = Math.round(plan.height / 22)
  const options = [
    `fontfile=${esc(plan.fontFile)}`,
    `textfile=${esc(shot.titleFile)}`,
    'fontcolor=white',
    `fontsize=${fontSize}`,
    'box=1',
    'boxcolor=black@0.6',
    `boxborderw=${Math.round(fontSize * 0.6)}`,
    `line_spacing=${Math.round(fontSize * 0.3)}`,
    'x=(w-text_w)/2',
    `y=h-text_h-${Math.round(plan.height / 10)}`,
    `enable=${esc(`lt(t,${Math.min(TITLE_SECONDS, shot.seconds)})`)}`,
  ]
  return `,drawtext=${options.join(':')}`
}

/**
 * Each shot to one size (fitted inside, black bars), one frame rate and exactly its length: a
 * shorter file holds its last frame, a longer one is cut.
 */
function shotVideo(plan: ExportPlan, shot: ExportShot, index: number): string {
  const { width: w, height: h } = plan
  return (
    `[${index}:v]setpts=PTS-STARTPTS,fps=${REEL_EXPORT_FPS},` +
    `scale=${w}:${h}:force_original_aspect_ratio=decrease,pad=${w}:${h}:(ow-iw)/2:(oh-ih)/2,setsar=1,format=yuv420p,` +
    `tpad=stop_mode=clone:stop_duration=${shot.seconds},trim=duration=${shot.seconds},setpts=PTS-STARTPTS` +
    `${titleCard(plan, shot)}[v${index}]`
  )
}

/** The shot's sound at exactly its length; silence for a shot without any. */
function shotAudio(shot: ExportShot, index: number): string {
  const source = shot.hasAudio ? `[${index}:a]${AUDIO},apad` : `anullsrc=r=48000:cl=stereo`
  return `${source},atrim=duration=${shot.seconds},asetpts=PTS-STARTPTS[a${index}]`
}

/**
 * The filtergraph of an export, ending in [v] (and [a] when any shot has sound). This ffmpeg
 * (2018) has no xfade: a cross-fade lays each shot, fading in through its alpha, over the film so
 * far on a black canvas as long as the film; sound cross-fades with acrossfade.
 */
export function exportGraph(plan: ExportPlan): { graph: string; audio: boolean } {
  const audio = plan.shots.some((shot) => shot.hasAudio)
  const parts = plan.shots.map((shot, i) => shotVideo(plan, shot, i))
  if (audio) parts.push(...plan.shots.map(shotAudio))
  const n = plan.shots.length
  if (plan.transition === 'cut' || n === 1) {
    const inputs = plan.shots.map((_, i) => (audio ? `[v${i}][a${i}]` : `[v${i}]`)).join('')
    parts.push(`${inputs}concat=n=${n}:v=1:a=${audio ? 1 : 0}${audio ? '[v][a]' : '[v]'}`)
    return { graph: parts.join(';\n'), audio }
  }
  const total = exportSeconds(plan)
  parts.push(`color=c=black:s=${plan.width}x${plan.height}:r=${REEL_EXPORT_FPS}:d=${total},format=yuv420p[base]`)
  let start = 0
  let below = 'base'
  plan.shots.forEach((shot, i) => {
    const fade = i === 0 ? 0 : fadeBetween(plan.shots[i - 1]!, shot)
    start -= fade
    const fadeIn = fade > 0 ? `format=yuva420p,fade=t=in:st=0:d=${fade}:alpha=1,` : ''
    parts.push(`[v${i}]${fadeIn}setpts=PTS-STARTPTS+${start.toFixed(3)}/TB[s${i}]`)
    const out = i === n - 1 ? 'v' : `c${i}`
    parts.push(`[${below}][s${i}]overlay=eof_action=pass:format=yuv420${out === 'v' ? ',format=yuv420p' : ''}[${out}]`)
    below = out
    start += shot.seconds
  })
  if (audio) {
    let sound = 'a0'
    for (let i = 1; i < n; i++) {
      const out = i === n - 1 ? 'a' : `x${i}`
      parts.push(`[${sound}][a${i}]acrossfade=d=${fadeBetween(plan.shots[i - 1]!, plan.shots[i]!)}[${out}]`)
      sound = out
    }
  }
  return { graph: parts.join(';\n'), audio }
}

/** Everything after the inputs: the graph, the maps and the encoder settings. */
export function exportOutputArgs(graphFile: string, audio: boolean, seconds: number, outFile: string): string[] {
  return [
    '-filter_complex_script', graphFile,
    '-map', '[v]', ...(audio ? ['-map', '[a]'] : []),
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-pix_fmt', 'yuv420p',
    '-r', String(REEL_EXPORT_FPS), '-g', String(REEL_EXPORT_FPS * 2),
    ...(audio ? ['-c:a', 'aac', '-b:a', '160k'] : ['-an']),
    '-t', seconds.toFixed(3),
    '-movflags', '+faststart',
    '-f', 'mp4', outFile,
  ]
}

export function exportInputArgs(shots: readonly ExportShot[]): string[] {
  return shots.flatMap((shot) => ['-i', shot.file])
}
