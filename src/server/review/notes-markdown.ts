import { VERDICT_LABELS } from '../../contract/verdict'
import { describeMarks, noteTimecodes, takeLabel, type ExportTake } from './export-take'

/** Text with Markdown's inline syntax escaped, on one line (a table cell or a heading). */
function inline(text: string): string {
  return text.replace(/([\\`*_[\]<>|#])/g, '\\$1').replace(/\r?\n/g, '<br>')
}

function takeSection({ job, notes, fps }: ExportTake): string[] {
  const verdict = job.verdict ? ` · ${VERDICT_LABELS[job.verdict]}` : ''
  const lines = [`## ${takeLabel(job)}${verdict}`, '']
  lines.push(...job.prompt.split(/\r?\n/).map((line) => `> ${inline(line)}`), '')
  lines.push(
    `${inline(job.model)} · ${job.size} · ${job.seconds} s · ${fps} fps · \`${job.id}\``,
    '',
  )
  if (notes.length === 0) return [...lines, '_No notes._', '']
  lines.push('| In | Out | Note | Author | Marks |', '| --- | --- | --- | --- | --- |')
  for (const note of notes) {
    const time = noteTimecodes(note, fps)
    const cells = [
      time.in,
      time.out,
      inline(note.text),
      inline(note.author),
      describeMarks(note.marks),
    ]
    lines.push(`| ${cells.join(' | ')} |`)
  }
  return [...lines, '']
}

/** The notes as a document to read or paste: a heading per take, its prompt, a table of notes. */
export function notesMarkdown(
  title: string,
  takes: readonly ExportTake[],
  exportedAt: Date,
): string {
  const notes = takes.reduce((sum, take) => sum + take.notes.length, 0)
  const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`
  const lines = [
    `# ${inline(title)}`,
    '',
    `Exported ${exportedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC · ${count(takes.length, 'take')} · ${count(notes, 'note')}. Timecodes are HH:MM:SS:FF at each take's frame rate.`,
    '',
  ]
  if (takes.length === 0) lines.push('_No takes to export._', '')
  for (const take of takes) lines.push(...takeSection(take))
  return lines.join('\n')
}
