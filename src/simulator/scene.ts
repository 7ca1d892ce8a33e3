import { createHash } from 'node:crypto'
import { escapeFilterValue as esc } from '../lib/drawtext'

/** Frames per second of every clip: smooth enough to see motion, cheap enough for CI. */
export const FPS = 24

export interface SceneSpec {
  width: number
  height: number
  seconds: number
  prompt: string
  /** Whether input 0 is a reference image to use as the backdrop. */
  hasReference: boolean
  /**
   * Whether input 1 is a last frame: the backdrop fades from input 0 to it, and the first and
   * last half second show the two images alone, so the clip starts and ends on them exactly.
   */
  hasLastReference?: boolean
  fontPath: string
  captionFile: string
  headerFile: string
}

/** A stable hue (0–359) per prompt, so two prompts never look alike by accident. */
export function promptHue(prompt: string): number {
  return createHash('sha256').update(prompt).digest().readUInt16BE(0) % 360
}

function hslHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l)
  const f = (n: number) => {
    const k = (n + h / 30) % 12
    const c = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, '0')
  }
  return `0x${f(0)}${f(8)}${f(4)}`
}

/** Hard-wraps the prompt for drawtext (which does not wrap), with an ellipsis past maxLines. */
export function wrapText(text: string, perLine: number, maxLines: number): string {
  const lines: string[] = []
  let line = ''
  for (let word of text.split(/\s+/).filter(Boolean)) {
    while (word.length > perLine) {
      if (line) lines.push(line)
      lines.push(word.slice(0, perLine))
      word = word.slice(perLine)
      line = ''
    }
    if (!line) line = word
    else if (line.length + 1 + word.length <= perLine) line += ` ${word}`
    else {
      lines.push(line)
      line = word
    }
  }
  if (line) lines.push(line)
  if (lines.length <= maxLines) return lines.join('\n')
  const kept = lines.slice(0, maxLines)
  kept[maxLines - 1] = `${(kept[maxLines - 1] ?? '').slice(0, perLine - 1)}…`
  return kept.join('\n')
}

export function captionFontSize(width: number, height: number): number {
  return Math.round(Math.min(width, height) / 20)
}

export function captionCharsPerLine(width: number, height: number): number {
  return Math.floor((width * 0.86) / (captionFontSize(width, height) * 0.58))
}

/** How long the clip shows a first or last frame alone. */
export const CLEAN_END_SECONDS = 0.5

function drawtext(font: string, source: string, size: number, extra: string[]): string {
  // Text files are drawn verbatim: with expansion on, a `%` in a prompt would drop the text.
  const expansion = source.startsWith('textfile') ? ['expansion=none'] : []
  const base = [font, source, ...expansion, `fontsize=${size}`, 'fontcolor=white', 'box=1']
  return `drawtext=${[...base, 'boxcolor=black@0.5', ...extra].join(':')}`
}

/**
 * The filtergraph: a prompt-coloured backdrop (or the reference image), a sliding band and a
 * moving test pattern tinted by the prompt's hue, the prompt, a header and a running timecode.
 */
export function buildFilterGraph(spec: SceneSpec): string {
  const { width: w, height: h, seconds: d } = spec
  const hue = promptHue(spec.prompt)
  const short = Math.min(w, h)
  const pattern = Math.round(short / 6) * 2
  const font = `fontfile=${esc(spec.fontPath)}`
  const caption = captionFontSize(w, h)
  const small = Math.round(short / 36)
  const clean = CLEAN_END_SECONDS
  const fade = Math.max(0.1, d - 2 * clean)
  const backdrop = spec.hasLastReference
    ? [
        `[0:v]scale=${w}:${h},setsar=1,format=yuv420p[first]`,
        // An alpha fade and an overlay: a per-pixel blend expression is ten times slower here.
        `[1:v]scale=${w}:${h},setsar=1,format=yuva420p,fade=t=in:st=${clean}:d=${fade}:alpha=1[last]`,
        `[first][last]overlay=format=yuv420[bg]`,
      ].join(';\n')
    : spec.hasReference
      ? `[0:v]scale=${w}:${h},setsar=1,format=yuv420p[bg]`
      : `color=c=${hslHex(hue, 0.45, 0.3)}:s=${w}x${h}:r=${FPS}:d=${d},format=yuv420p[bg]`
  // Everything drawn over the backdrop stays off the first and last half second of such a clip.
  const enable = spec.hasLastReference ? [`enable='between(t,${clean},${d - clean})'`] : []
  const overlayEnable = enable.length ? `:${enable[0]}` : ''
  return [
    backdrop,
    `color=c=${hslHex((hue + 180) % 360, 0.6, 0.5)}@0.6:s=${Math.round(w / 10)}x${h}:r=${FPS}:d=${d},format=yuva420p[band]`,
    // The pattern changes at 8 fps only: testsrc2 is the costly source in this ffmpeg build.
    `testsrc2=s=${pattern}x${pattern}:r=8:d=${d},hue=h=${hue}:s=1.3,format=yuv420p[pat]`,
    `[bg][band]overlay=x='(W-w)*(0.5+0.5*sin(t*0.9))':y=0:format=yuv420${overlayEnable}[b1]`,
    `[b1][pat]overlay=x='(W-w)*(0.5+0.42*sin(t*1.7))':y='(H-h)*(0.5+0.4*cos(t*1.1))':format=yuv420${overlayEnable}[m]`,
    `[m]${[
      drawtext(font, `textfile=${esc(spec.captionFile)}`, caption, [
        `line_spacing=${Math.round(caption / 4)}`,
        `boxborderw=${Math.round(caption / 2)}`,
        'x=(w-text_w)/2',
        'y=(h-text_h)/2',
        ...enable,
      ]),
      drawtext(font, `textfile=${esc(spec.headerFile)}`, small, [
        `boxborderw=${Math.round(small / 2)}`,
        `x=${small}`,
        `y=${small}`,
        ...enable,
      ]),
      drawtext(font, `text=${esc('%{pts:hms}')}`, small * 2, [
        `boxborderw=${Math.round(small / 2)}`,
        `x=${small}`,
        `y=h-text_h-${small}`,
        ...enable,
      ]),
    ].join(',')}[v]`,
  ].join(';\n')
}
