import { describe, expect, it } from 'vitest'
import {
  FREEHAND_POINTS_MAX,
  MARKS_PER_NOTE_MAX,
  NOTE_TEXT_MAX,
  createNoteRequestSchema,
  editNoteRequestSchema,
  exportNotesQuerySchema,
  noteTimeIssue,
  setVerdictRequestSchema,
} from './review'

const rect = { kind: 'rect', colour: 'red', x: 0.1, y: 0.2, w: 0.3, h: 0.4 }

describe('the review contract', () => {
  it('takes a note with text, a range and each kind of mark', () => {
    const note = createNoteRequestSchema.parse({
      at: 1.5,
      until: 2,
      text: '  Hold on the face  ',
      author: 'Ana',
      marks: [
        rect,
        { kind: 'arrow', colour: 'yellow', from: [0, 0], to: [1, 1] },
        { kind: 'ellipse', colour: 'white', cx: 0.5, cy: 0.5, rx: 0.1, ry: 0.2 },
        {
          kind: 'freehand',
          colour: 'green',
          points: [
            [0.1, 0.1],
            [0.2, 0.3],
          ],
        },
      ],
    })
    expect(note.text).toBe('Hold on the face')
    expect(note.marks).toHaveLength(4)
    expect(createNoteRequestSchema.parse({ at: 0, author: 'Ana', marks: [rect] }).until).toBeNull()
  })

  it.each([
    ['a negative time', { at: -0.1 }],
    ['NaN', { at: Number.NaN }],
    ['Infinity', { at: Number.POSITIVE_INFINITY }],
    ['a string time', { at: '1' }],
    ['no author', { author: ' ' }],
    ['a long author', { author: 'a'.repeat(61) }],
    ['a long text', { text: 'a'.repeat(NOTE_TEXT_MAX + 1) }],
    ['neither text nor marks', { text: '' }],
    ['a mark off the frame', { marks: [{ ...rect, x: 1.2 }] }],
    ['a rectangle past the edge', { marks: [{ ...rect, x: 0.9, w: 0.2 }] }],
    ['an unknown colour', { marks: [{ ...rect, colour: 'pink' }] }],
    ['an unknown shape', { marks: [{ kind: 'star', colour: 'red' }] }],
    ['too many marks', { marks: Array.from({ length: MARKS_PER_NOTE_MAX + 1 }, () => rect) }],
    [
      'too long a stroke',
      {
        marks: [
          {
            kind: 'freehand',
            colour: 'red',
            points: Array.from({ length: FREEHAND_POINTS_MAX + 1 }, () => [0.5, 0.5]),
          },
        ],
      },
    ],
  ])('refuses %s', (_, change) => {
    expect(
      createNoteRequestSchema.safeParse({ at: 1, author: 'Ana', text: 'ok', ...change }).success,
    ).toBe(false)
  })

  it('checks a time against the take: past the end, out before in', () => {
    expect(noteTimeIssue(4, { at: 4, until: null })).toBeNull()
    expect(noteTimeIssue(4, { at: 4.01, until: null })?.field).toBe('at')
    expect(noteTimeIssue(4, { at: 1, until: 5 })?.field).toBe('until')
    expect(noteTimeIssue(4, { at: 2, until: 1 })?.message).toMatch(/out point/)
  })

  it('an edit changes something and never the author', () => {
    expect(editNoteRequestSchema.safeParse({}).success).toBe(false)
    expect(editNoteRequestSchema.safeParse({ author: 'Bo' }).success).toBe(false)
    expect(editNoteRequestSchema.parse({ until: null })).toEqual({ until: null })
  })

  it('a verdict is one of three or null', () => {
    expect(setVerdictRequestSchema.parse({ verdict: null }).verdict).toBeNull()
    expect(setVerdictRequestSchema.safeParse({ verdict: 'maybe' }).success).toBe(false)
    expect(setVerdictRequestSchema.safeParse({}).success).toBe(false)
  })

  it('an export names exactly one scope', () => {
    expect(exportNotesQuerySchema.safeParse({ format: 'csv', verdict: 'circled' }).success).toBe(
      true,
    )
    expect(exportNotesQuerySchema.safeParse({ format: 'md' }).success).toBe(false)
    expect(
      exportNotesQuerySchema.safeParse({ format: 'md', group: 'g1', verdict: 'circled' }).success,
    ).toBe(false)
    expect(exportNotesQuerySchema.safeParse({ format: 'pdf', group: 'g1' }).success).toBe(false)
    const job = 'job_abcdefghij'
    expect(exportNotesQuerySchema.parse({ format: 'csv', job: [job, job] }).job).toEqual([job])
  })
})
