import { describe, expect, it } from 'vitest'
import type { SavedNote } from '../jobs/sidecar'
import { jobRecord } from '../testing/seed-job'
import type { ExportTake } from './export-take'
import { notesCsv } from './notes-csv'
import { notesMarkdown } from './notes-markdown'

const note = (fields: Partial<SavedNote>): SavedNote => ({
  id: 'note_aaaaaaaaaaaaaaaaaaaa',
  jobId: 'job_aaaaaaaaaaaaaaaaaaaa',
  at: 0,
  until: null,
  text: '',
  author: 'Ana',
  marks: [],
  createdAt: '2026-12-02T01:00:00.000Z',
  updatedAt: '2026-12-02T01:00:00.000Z',
  ...fields,
})

const take: ExportTake = {
  job: jobRecord({
    prompt: 'A lighthouse | at "dusk"\nsecond line',
    take: 'B',
    verdict: 'circled',
    group: 'g1',
  }),
  fps: 25,
  notes: [
    note({
      at: 61.08,
      until: 62,
      text: '=HYPERLINK("x"), then a comma',
      marks: [
        { kind: 'rect', colour: 'red', x: 0, y: 0, w: 0.5, h: 0.5 },
        { kind: 'arrow', colour: 'red', from: [0, 0], to: [1, 1] },
        { kind: 'arrow', colour: 'blue', from: [0, 1], to: [1, 0] },
      ],
    }),
    note({ at: 3723.5, text: 'line one\nline | two *bold*', author: 'Bo' }),
  ],
}

describe('the CSV export', () => {
  it('quotes what needs quoting and keeps a note from running as a formula', () => {
    const csv = notesCsv([take])
    expect(csv.startsWith('\uFEFFTake,Verdict,In,Out,Note,')).toBe(true)
    const lines = csv.slice(1).split('\r\n')
    expect(lines[1]?.split('\n')[0]).toBe(
      `Take B,Circled,00:01:01:02,00:01:02:00,"'=HYPERLINK(""x""), then a comma",Ana,"1 rectangle, 2 arrows",61.08,62,2026-12-02T01:00:00.000Z,2026-12-02T01:00:00.000Z,"A lighthouse | at ""dusk""`,
    )
    // Hours, minutes, seconds and frames at 25 fps: 3723.5 s is 1 h 2 min 3 s and 12 frames.
    expect(csv).toContain('Take B,Circled,01:02:03:12,,"line one\nline | two *bold*",Bo,')
  })

  it('gives a take without notes one row, so its verdict and prompt are there', () => {
    const csv = notesCsv([{ ...take, notes: [] }]).slice(1)
    expect(csv.split('\r\n')[1]).toMatch(/^Take B,Circled,,,,,,,,,,"A lighthouse/)
  })
})

describe('the Markdown export', () => {
  it('writes a heading per take, its prompt quoted, and a table of notes with timecodes', () => {
    const md = notesMarkdown('Notes on “a lighthouse”', [take], new Date('2026-12-02T01:30:00Z'))
    expect(md).toContain('# Notes on “a lighthouse”')
    expect(md).toContain('Exported 2026-12-02 01:30 UTC · 1 take · 2 notes.')
    expect(md).toContain('## Take B · Circled')
    expect(md).toContain('> A lighthouse \\| at "dusk"\n> second line')
    expect(md).toContain('25 fps')
    expect(md).toContain(
      '| 00:01:01:02 | 00:01:02:00 | =HYPERLINK("x"), then a comma | Ana | 1 rectangle, 2 arrows |',
    )
    expect(md).toContain('| 01:02:03:12 |  | line one<br>line \\| two \\*bold\\* | Bo |  |')
  })

  it('says so when there is nothing to export', () => {
    expect(notesMarkdown('Notes on the circled takes', [], new Date())).toContain(
      '_No takes to export._',
    )
    expect(notesMarkdown('x', [{ ...take, notes: [] }], new Date())).toContain('_No notes._')
  })
})
