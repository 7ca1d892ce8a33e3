import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jobSchema, type Job } from '../../contract/job'
import { noteListSchema } from '../../contract/review'
import { multipartBody } from '../testing/multipart'
import { MEDIA_STORES, isDone, startTestStudio, type TestStudio } from '../testing/test-studio'
import { restoreReview, type RestoreOptions } from './restore-review'

/** A folder (or prefix) whose sidecar is not JSON: named and skipped, never fatal. */
const CORRUPT = 'job_corruptsidecar01'

describe.each(MEDIA_STORES)(
  'restoring notes and verdicts from the sidecars (%s vault)',
  (store) => {
    let studio: TestStudio
    let takes: Job[]

    const send = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
      studio.app.inject({ method, url, ...(payload ? { payload } : {}) })
    const notesOf = async (job: Job) =>
      noteListSchema.parse((await send('GET', `/api/jobs/${job.id}/notes`)).json()).items
    /** What a user sees of the takes' review: every note, the verdict and the count on the tile. */
    const reviewOf = () =>
      Promise.all(
        takes.map(async (take) => {
          const { verdict, verdictBy, notesCount } = await studio.getJob(take.id)
          return { notes: await notesOf(take), verdict, verdictBy, notesCount }
        }),
      )
    const restore = (options: Partial<RestoreOptions> = {}) =>
      restoreReview(studio.db, studio.vault, { replace: false, dryRun: false, ...options })

    beforeAll(async () => {
      studio = await startTestStudio({ store })
      takes = await Promise.all(
        ['a lighthouse at dusk', 'a harbour at dawn'].map(async (prompt) => {
          const body = multipartBody({ prompt, model: 'sora-2', size: '1280x720', seconds: '4' })
          const created = jobSchema.parse(
            (await studio.app.inject({ method: 'POST', url: '/api/jobs', ...body })).json(),
          )
          return studio.waitForJob(created.id, isDone)
        }),
      )
      const [first, second] = takes as [Job, Job]
      const notes: [Job, object][] = [
        [
          first,
          {
            at: 1.5,
            until: 2.25,
            text: 'Hold on the lamp',
            marks: [
              { kind: 'rect', colour: 'red', x: 0.1, y: 0.2, w: 0.3, h: 0.25 },
              { kind: 'arrow', colour: 'yellow', from: [0.1, 0.1], to: [0.5, 0.6] },
            ],
          },
        ],
        [first, { at: 3, text: 'Cut before the turn' }],
        [second, { at: 0.5, text: 'Too dark' }],
      ]
      for (const [take, note] of notes) {
        const reply = await send('POST', `/api/jobs/${take.id}/notes`, { author: 'Ana', ...note })
        expect(reply.statusCode, reply.body).toBe(201)
      }
      expect(
        (await send('PUT', `/api/jobs/${first.id}/verdict`, { verdict: 'circled' })).statusCode,
      ).toBe(200)
      expect(
        (await send('PUT', `/api/jobs/${second.id}/verdict`, { verdict: 'no_good' })).statusCode,
      ).toBe(200)
      await studio.vault.writeFile(CORRUPT, 'sidecar', '{ "id": "job_corr')
    }, 120_000)
    afterAll(() => studio.close())

    it('writes the lost notes and verdicts back as they were, skips a corrupt sidecar, and a second run has nothing to do', async () => {
      const before = await reviewOf()
      expect(before.map((take) => [take.notes.length, take.verdict])).toEqual([
        [2, 'circled'],
        [1, 'no_good'],
      ])

      await studio.db.deleteFrom('notes').execute()
      await studio.db
        .updateTable('jobs')
        .set({ verdict: null, verdict_by: null, notes_count: 0 })
        .execute()
      const lost = await reviewOf()
      expect(lost.map((take) => [take.notes.length, take.verdict, take.notesCount])).toEqual([
        [0, null, 0],
        [0, null, 0],
      ])

      const dryRun = await restore({ dryRun: true })
      expect(dryRun.filter((outcome) => outcome.kind === 'restored')).toHaveLength(2)
      expect(await reviewOf()).toEqual(lost)

      const outcomes = await restore()
      expect(outcomes).toEqual(
        expect.arrayContaining([
          { kind: 'restored', jobId: takes[0]?.id, notes: 2, verdict: 'circled' },
          { kind: 'restored', jobId: takes[1]?.id, notes: 1, verdict: 'no_good' },
          {
            kind: 'skipped',
            folder: CORRUPT,
            reason: expect.stringContaining('not JSON') as string,
          },
        ]),
      )
      expect(await reviewOf()).toEqual(before)

      const again = await restore()
      expect(
        again.filter((outcome) => outcome.kind !== 'up-to-date' && outcome.kind !== 'skipped'),
      ).toEqual([])
      expect(await reviewOf()).toEqual(before)
    })

    it('keeps a review the database holds unless told to replace it', async () => {
      const before = await reviewOf()
      const second = takes[1] as Job
      await studio.db
        .updateTable('jobs')
        .set({ verdict: 'hold' })
        .where('id', '=', second.id)
        .execute()

      const kept = await restore()
      expect(kept).toContainEqual({
        kind: 'kept',
        jobId: second.id,
        reason: expect.stringContaining('--replace') as string,
      })
      expect((await studio.getJob(second.id)).verdict).toBe('hold')

      const replaced = await restore({ replace: true })
      expect(replaced).toContainEqual({
        kind: 'restored',
        jobId: second.id,
        notes: 1,
        verdict: 'no_good',
      })
      expect(await reviewOf()).toEqual(before)
    })
  },
)
