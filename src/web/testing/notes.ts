import type { Note } from '../../contract/review'

let serial = 0

/** A note as the BFF returns it: on one frame, no marks, unless the test says otherwise. */
export function makeNote(fields: Partial<Note> = {}): Note {
  serial += 1
  const id = `note_test${String(serial).padStart(8, '0')}`
  return {
    id,
    jobId: 'job_test00000001',
    at: 1,
    until: null,
    text: `Note ${serial}`,
    author: 'Dana',
    marks: [],
    editable: true,
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:00:00.000Z',
    ...fields,
  }
}
