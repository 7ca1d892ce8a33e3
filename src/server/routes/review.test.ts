import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jobListSchema } from '../../contract/api'
import { errorEnvelopeSchema } from '../../contract/errors'
import { jobSchema, type Job } from '../../contract/job'
import {
  MARKS_PER_NOTE_MAX,
  NOTES_PER_TAKE_MAX,
  NOTE_TEXT_MAX,
  noteListSchema,
  noteSchema,
  type Note,
} from '../../contract/review'
import { ReviewRepository } from '../review/review-repository'
import { createStudio, type Studio } from '../studio'
import { FullDiskVault } from '../testing/full-disk-vault'
import { multipartBody } from '../testing/multipart'
import { FAST_SCHEDULE, testStudioConfig } from '../testing/test-studio'

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-review-'))
let studio: Studio
let vault: FullDiskVault
/** Two finished takes of one submit (4 s each). */
let take: Job
let other: Job

/** A studio on `dataDir`; started again on the same folder, as a restart would. */
async function start(): Promise<Studio> {
  return createStudio(await testStudioConfig(dataDir), {
    schedule: FAST_SCHEDULE,
    createVault: (root) => (vault = new FullDiskVault(root)),
  })
}

async function finishedTake(prompt: string): Promise<Job> {
  const body = multipartBody({
    prompt,
    model: 'sora-2',
    size: '1280x720',
    seconds: '4',
    group: 'grp_review',
  })
  const created = jobSchema.parse(
    (await studio.app.inject({ method: 'POST', url: '/api/jobs', ...body })).json(),
  )
  for (;;) {
    const job = await getJob(created.id)
    if (job.status === 'completed') return job
    if (job.status === 'failed') throw new Error(`${job.id} failed: ${job.error?.message}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

const getJob = async (id: string) =>
  jobSchema.parse((await studio.app.inject({ method: 'GET', url: `/api/jobs/${id}` })).json())

const send = (
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE' | 'GET',
  url: string,
  payload?: unknown,
) =>
  studio.app.inject({
    method,
    url,
    ...(payload === undefined
      ? {}
      : typeof payload === 'string'
        ? { payload, headers: { 'content-type': 'application/json' } }
        : { payload: payload as object }),
  })

const notesUrl = (job: Job) => `/api/jobs/${job.id}/notes`
const listNotes = async (job: Job) =>
  noteListSchema.parse((await send('GET', notesUrl(job))).json()).items

async function addNote(job: Job, fields: Record<string, unknown>): Promise<Note> {
  const reply = await send('POST', notesUrl(job), { author: 'Ana', text: 'a note', ...fields })
  expect(reply.statusCode, reply.body).toBe(201)
  return noteSchema.parse(reply.json())
}

const sidecarOf = (job: Job) =>
  JSON.parse(fs.readFileSync(path.join(dataDir, 'vault', job.id, 'job.json'), 'utf8')) as {
    prompt: string
    files: Record<string, number>
    verdict: string | null
    notes: Note[]
  }

/** A note as its sidecar keeps it: without `editable`, which is about whoever asks. */
const saved = (notes: readonly Note[]) => notes.map(({ editable: _editable, ...note }) => note)

function expectRefused(
  reply: { statusCode: number; json: () => unknown },
  status: number,
  field?: string,
) {
  expect(reply.statusCode).toBe(status)
  const { error } = errorEnvelopeSchema.parse(reply.json())
  if (field) expect(error.field).toBe(field)
}

beforeAll(async () => {
  studio = await start()
  ;[take, other] = await Promise.all([
    finishedTake('a lighthouse at dusk'),
    finishedTake('a harbour at dawn'),
  ])
}, 120_000)
afterAll(async () => {
  await studio.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

const rect = { kind: 'rect', colour: 'red', x: 0.1, y: 0.2, w: 0.3, h: 0.25 }

describe('notes on a take', () => {
  it('creates, lists in time order, edits and deletes notes; the take counts them and its sidecar keeps them', async () => {
    const late = await addNote(take, { at: 3, text: 'Cut before the turn' })
    const early = await addNote(take, {
      at: 1.5,
      until: 2.25,
      text: 'Hold on the lamp',
      marks: [rect],
    })
    expect(early).toMatchObject({
      jobId: take.id,
      at: 1.5,
      until: 2.25,
      author: 'Ana',
      marks: [rect],
    })
    expect((await listNotes(take)).map((note) => note.id)).toEqual([early.id, late.id])
    expect((await getJob(take.id)).notesCount).toBe(2)

    await new Promise((resolve) => setTimeout(resolve, 5)) // so the edit's time is a later one
    const edited = await send('PATCH', `${notesUrl(take)}/${late.id}`, {
      text: 'Cut on the turn',
      at: 0.5,
    })
    expect(edited.statusCode, edited.body).toBe(200)
    const editedNote = noteSchema.parse(edited.json())
    expect(editedNote).toMatchObject({
      text: 'Cut on the turn',
      at: 0.5,
      author: 'Ana',
      createdAt: late.createdAt,
    })
    expect(Date.parse(editedNote.updatedAt)).toBeGreaterThan(Date.parse(late.updatedAt))
    expect((await listNotes(take)).map((note) => note.id)).toEqual([late.id, early.id])

    expect((await send('DELETE', `${notesUrl(take)}/${late.id}`)).statusCode).toBe(204)
    const left = await listNotes(take)
    expect(left.map((note) => note.id)).toEqual([early.id])
    expect((await getJob(take.id)).notesCount).toBe(1)
    const sidecar = sidecarOf(take)
    expect(sidecar.notes).toEqual(saved(left))
    // The archive's part of the sidecar stays as it was.
    expect(sidecar.prompt).toBe('a lighthouse at dusk')
    expect(sidecar.files.video).toBeGreaterThan(0)
  })

  it.each([
    ['a negative time', { at: -0.5 }, 'at'],
    ['a time past the end', { at: 4.01 }, 'at'],
    ['an out point past the end', { at: 1, until: 4.5 }, 'until'],
    ['an out point before the in point', { at: 2, until: 1 }, 'until'],
    ['a time as text', { at: '1.5' }, 'at'],
    ['no time', { at: undefined }, 'at'],
    ['no author', { at: 1, author: '  ' }, 'author'],
    ['too long a name', { at: 1, author: 'x'.repeat(61) }, 'author'],
    ['too long a note', { at: 1, text: 'x'.repeat(NOTE_TEXT_MAX + 1) }, 'text'],
    ['neither text nor marks', { at: 1, text: '' }, 'text'],
    [
      'too many marks',
      { at: 1, marks: Array.from({ length: MARKS_PER_NOTE_MAX + 1 }, () => rect) },
      'marks',
    ],
    ['a mark off the frame', { at: 1, marks: [{ ...rect, y: 1.5 }] }, 'marks.0.y'],
    [
      'a colour off the palette',
      { at: 1, marks: [{ ...rect, colour: '#ff00ff' }] },
      'marks.0.colour',
    ],
  ])('refuses %s with a 400 naming the field, and saves nothing', async (_, fields, field) => {
    const before = fs.readFileSync(path.join(dataDir, 'vault', other.id, 'job.json'), 'utf8')
    const reply = await send('POST', notesUrl(other), { author: 'Ana', text: 'a note', ...fields })
    expectRefused(reply, 400, field)
    expect(await listNotes(other)).toEqual([])
    expect(fs.readFileSync(path.join(dataDir, 'vault', other.id, 'job.json'), 'utf8')).toBe(before)
  })

  it.each([
    ['NaN', '{"author":"Ana","text":"x","at":NaN}'],
    ['Infinity', '{"author":"Ana","text":"x","at":1e999}'],
  ])('refuses %s as a time', async (_, raw) => {
    expectRefused(await send('POST', notesUrl(other), raw), 400)
    expect(await listNotes(other)).toEqual([])
  })

  it('refuses a bad edit and keeps the note as it was', async () => {
    const note = await addNote(other, { at: 2, until: 3 })
    const url = `${notesUrl(other)}/${note.id}`
    expectRefused(await send('PATCH', url, { until: 1 }), 400, 'until')
    expectRefused(await send('PATCH', url, { at: 5 }), 400, 'at')
    expectRefused(await send('PATCH', url, { at: -1 }), 400, 'at')
    expectRefused(await send('PATCH', url, { text: '' }), 400, 'text')
    expectRefused(await send('PATCH', url, {}), 400)
    expectRefused(await send('PATCH', url, { author: 'Bo' }), 400)
    expect(await listNotes(other)).toEqual([note])
    expect((await send('DELETE', url)).statusCode).toBe(204)
  })

  it('answers 404 for a note of another take, an unknown note and an unknown take, and changes nothing', async () => {
    const mine = await addNote(take, { at: 0.25, text: 'mine' })
    const elsewhere = `${notesUrl(other)}/${mine.id}`
    expectRefused(await send('PATCH', elsewhere, { text: 'stolen' }), 404)
    expectRefused(await send('DELETE', elsewhere), 404)
    expectRefused(
      await send('PATCH', `${notesUrl(take)}/note_doesnotexist00000`, { text: 'x' }),
      404,
    )
    expectRefused(await send('DELETE', `${notesUrl(take)}/not-a-note-id`), 404)
    expectRefused(await send('GET', '/api/jobs/job_doesnotexist00000/notes'), 404)
    expectRefused(
      await send('POST', '/api/jobs/job_doesnotexist00000/notes', {
        at: 1,
        author: 'Ana',
        text: 'x',
      }),
      404,
    )
    expect((await listNotes(take)).find((note) => note.id === mine.id)?.text).toBe('mine')
    expect((await send('DELETE', `${notesUrl(take)}/${mine.id}`)).statusCode).toBe(204)
  })
})

describe('the limits of a take', () => {
  it(`holds ${NOTES_PER_TAKE_MAX} notes and refuses one more with a 409`, async () => {
    // The first ones straight into the store: this is about the limit, not about writing 499 notes.
    const repo = new ReviewRepository(studio.db)
    const now = new Date().toISOString()
    for (let i = 0; i < NOTES_PER_TAKE_MAX - 1; i++) {
      const id = `note_limit${String(i).padStart(10, '0')}`
      await repo.insertNote({
        id,
        jobId: other.id,
        at: 1,
        until: null,
        text: 'x',
        author: 'A',
        reviewSession: null,
        marks: [],
        createdAt: now,
        updatedAt: now,
      })
    }
    const last = await addNote(other, { at: 2, text: 'the last one that fits' })
    expectRefused(
      await send('POST', notesUrl(other), { at: 3, author: 'Ana', text: 'one too many' }),
      409,
    )
    expect(await listNotes(other)).toHaveLength(NOTES_PER_TAKE_MAX)
    expect(sidecarOf(other).notes).toHaveLength(NOTES_PER_TAKE_MAX)
    expect(sidecarOf(other).notes.at(-1)?.id).toBe(last.id)
    await studio.db.deleteFrom('notes').where('job_id', '=', other.id).execute()
    await studio.db.updateTable('jobs').set({ notes_count: 0 }).where('id', '=', other.id).execute()
  })

  it('changes nothing when the disk is full: the sidecar and the database agree', async () => {
    const before = await listNotes(take)
    const sidecar = sidecarOf(take)
    vault.fillAfter(0)
    try {
      expectRefused(
        await send('POST', notesUrl(take), { at: 1, author: 'Ana', text: 'lost?' }),
        507,
      )
      expectRefused(await send('PUT', `/api/jobs/${take.id}/verdict`, { verdict: 'hold' }), 507)
    } finally {
      vault.free()
    }
    expect(await listNotes(take)).toEqual(before)
    expect(await getJob(take.id)).toMatchObject({
      verdict: sidecar.verdict,
      notesCount: before.length,
    })
    expect(sidecarOf(take)).toEqual(sidecar)
  })
})

describe('verdicts', () => {
  it('circles a take, finds it under the verdict filter, clears it; the sidecar follows', async () => {
    const reply = await send('PUT', `/api/jobs/${other.id}/verdict`, { verdict: 'circled' })
    expect(reply.statusCode, reply.body).toBe(200)
    expect(jobSchema.parse(reply.json()).verdict).toBe('circled')
    expect(sidecarOf(other).verdict).toBe('circled')
    const circled = jobListSchema.parse(
      (await send('GET', '/api/jobs?verdict=circled')).json(),
    ).items
    expect(circled.map((job) => job.id)).toEqual([other.id])
    const held = jobListSchema.parse((await send('GET', '/api/jobs?verdict=hold')).json()).items
    expect(held).toEqual([])

    expect(
      jobSchema.parse(
        (await send('PUT', `/api/jobs/${other.id}/verdict`, { verdict: null })).json(),
      ).verdict,
    ).toBeNull()
    expect(sidecarOf(other).verdict).toBeNull()
    expect(
      jobListSchema.parse((await send('GET', '/api/jobs?verdict=circled')).json()).items,
    ).toEqual([])
  })

  it('refuses a verdict it does not know, a missing one, an unknown filter and an unknown take', async () => {
    expectRefused(
      await send('PUT', `/api/jobs/${other.id}/verdict`, { verdict: 'maybe' }),
      400,
      'verdict',
    )
    expectRefused(await send('PUT', `/api/jobs/${other.id}/verdict`, {}), 400, 'verdict')
    expectRefused(await send('GET', '/api/jobs?verdict=maybe'), 400, 'verdict')
    expectRefused(
      await send('PUT', '/api/jobs/job_doesnotexist00000/verdict', { verdict: 'hold' }),
      404,
    )
    expect((await getJob(other.id)).verdict).toBeNull()
  })

  it('refuses notes and verdicts on a take that did not render, with a 409', async () => {
    const body = multipartBody({
      prompt: 'refused [sim:moderation]',
      model: 'sora-2',
      size: '1280x720',
      seconds: '4',
    })
    const refused = jobSchema.parse(
      (await studio.app.inject({ method: 'POST', url: '/api/jobs', ...body })).json(),
    )
    // Queued at first, then refused by the provider's moderation: never a picture to review.
    expect(refused.status).not.toBe('completed')
    expectRefused(await send('PUT', `/api/jobs/${refused.id}/verdict`, { verdict: 'circled' }), 409)
    expectRefused(await send('POST', notesUrl(refused), { at: 1, author: 'Ana', text: 'x' }), 409)
    expect(await getJob(refused.id)).toMatchObject({ verdict: null, notesCount: 0 })
  })

  it('a deleted take answers 404 like every other route, and Undo brings its verdict back', async () => {
    await send('PUT', `/api/jobs/${other.id}/verdict`, { verdict: 'hold' })
    expect((await send('DELETE', `/api/jobs/${other.id}`)).statusCode).toBe(204)
    expectRefused(await send('PUT', `/api/jobs/${other.id}/verdict`, { verdict: 'circled' }), 404)
    expectRefused(await send('POST', notesUrl(other), { at: 1, author: 'Ana', text: 'x' }), 404)
    expectRefused(await send('GET', notesUrl(other)), 404)
    expect((await send('POST', `/api/jobs/${other.id}/restore`)).statusCode).toBe(200)
    expect((await getJob(other.id)).verdict).toBe('hold')
  })
})

describe('the list', () => {
  it('finds a take by the words of its notes and counts its notes', async () => {
    const note = await addNote(other, { at: 1, text: 'The gull crosses too early' })
    const found = jobListSchema.parse((await send('GET', '/api/jobs?q=GULL%20early')).json()).items
    expect(found.map((job) => [job.id, job.notesCount])).toEqual([[other.id, 1]])
    expect(
      jobListSchema.parse((await send('GET', '/api/jobs?q=gull%20lighthouse')).json()).items,
    ).toEqual([])
    await send('DELETE', `${notesUrl(other)}/${note.id}`)
    expect(jobListSchema.parse((await send('GET', '/api/jobs?q=gull')).json()).items).toEqual([])
  })
})

describe('a restart', () => {
  it('keeps notes and verdicts, and the sidecars hold them', async () => {
    const note = await addNote(take, { at: 2.5, text: 'Keep this one', marks: [rect] })
    await send('PUT', `/api/jobs/${take.id}/verdict`, { verdict: 'circled' })
    const notes = await listNotes(take)
    await studio.close()
    studio = await start()
    expect(await listNotes(take)).toEqual(notes)
    expect(notes.map((n) => n.id)).toContain(note.id)
    const job = await getJob(take.id)
    expect(job).toMatchObject({ verdict: 'circled', notesCount: notes.length })
    expect(sidecarOf(take)).toMatchObject({ verdict: 'circled', notes: saved(notes) })
  })
})
