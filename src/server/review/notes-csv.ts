import { VERDICT_LABELS } from '../../contract/verdict'
import { describeMarks, noteTimecodes, takeLabel, type ExportTake } from './export-take'

const HEADER = [
  'Take',
  'Verdict',
  'In',
  'Out',
  'Note',
  'Author',
  'Marks',
  'In (s)',
  'Out (s)',
  'Written',
  'Edited',
  'Prompt',
  'Model',
  'Size',
  'FPS',
  'Group',
  'Job',
]

/**
 * A cell as RFC 4180 writes it. Text that a spreadsheet would run as a formula (=, +, -, @, a tab
 * or return first) gets a leading apostrophe, so a note cannot become a formula when opened.
 */
function cell(value: string | number): string {
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * One row per note; a take without notes still gets a row, so its verdict and prompt are there.
 * Starts with a byte-order mark so Excel reads the UTF-8 (accents, names) as such.
 */
export function notesCsv(takes: readonly ExportTake[]): string {
  const rows: (string | number)[][] = [HEADER]
  for (const { job, notes, fps } of takes) {
    const take = [takeLabel(job), job.verdict ? VERDICT_LABELS[job.verdict] : '']
    const about = [job.prompt, job.model, job.size, fps, job.group ?? '', job.id]
    if (notes.length === 0) rows.push([...take, '', '', '', '', '', '', '', '', '', ...about])
    for (const note of notes) {
      const time = noteTimecodes(note, fps)
      rows.push([
        ...take,
        time.in,
        time.out,
        note.text,
        note.author,
        describeMarks(note.marks),
        note.at,
        note.until ?? '',
        note.createdAt,
        note.updatedAt,
        ...about,
      ])
    }
  }
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`
}
