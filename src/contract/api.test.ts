import { describe, expect, it } from 'vitest'
import { createJobFieldsSchemaFor, listJobsQuerySchema, remixRequestSchema } from './api'
import { BUILT_IN_MODELS } from './built-in-models'
import { catalogModelsFor, modelEntrySchema } from './catalog'
import { errorEnvelopeSchema } from './errors'
import { jobSchema } from './job'

// The check is fed by a catalog value: here the built-in catalog as the simulator serves it.
const createJobFieldsSchema = createJobFieldsSchemaFor(
  catalogModelsFor(BUILT_IN_MODELS.map((e) => modelEntrySchema.parse(e)), 'simulator'),
)
const valid = { prompt: 'a lantern over a night market', model: 'sora-2', size: '1280x720', seconds: '8' }

function fieldOf(input: unknown): string | undefined {
  const result = createJobFieldsSchema.safeParse(input)
  return result.success ? undefined : result.error.issues[0]?.path.join('.')
}

describe('create job fields', () => {
  it('accepts multipart strings and fills defaults', () => {
    expect(createJobFieldsSchema.parse(valid)).toEqual({ ...valid, seconds: 8, fit: 'cover' })
  })

  it('accepts a group id and contain fit', () => {
    const parsed = createJobFieldsSchema.parse({ ...valid, fit: 'contain', group: 'grp_abc-1' })
    expect(parsed).toMatchObject({ fit: 'contain', group: 'grp_abc-1' })
  })

  it.each([
    [{ ...valid, prompt: '   ' }, 'prompt'],
    [{ ...valid, prompt: 'x'.repeat(32_001) }, 'prompt'],
    [{ ...valid, model: 'sora-3' }, 'model'],
    [{ ...valid, size: '640x480' }, 'size'],
    [{ ...valid, size: '1792x1024' }, 'size'],
    [{ ...valid, seconds: '10' }, 'seconds'],
    [{ ...valid, seconds: 'eight' }, 'seconds'],
    [{ ...valid, fit: 'stretch' }, 'fit'],
    [{ ...valid, group: '../etc' }, 'group'],
  ])('refuses %o at its field', (input, field) => {
    expect(fieldOf(input)).toBe(field)
  })

  it('explains a size the model cannot render in words', () => {
    const result = createJobFieldsSchema.safeParse({ ...valid, size: '1024x1792' })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe('Sora 2 renders 720x1280 or 1280x720, not 1024x1792')
  })
})

describe('other requests', () => {
  it('remix needs a prompt', () => {
    expect(remixRequestSchema.safeParse({ prompt: 'at dawn' }).success).toBe(true)
    expect(remixRequestSchema.safeParse({}).success).toBe(false)
  })

  it('list query coerces limit and bounds it', () => {
    expect(listJobsQuerySchema.parse({ limit: '50' }).limit).toBe(50)
    expect(listJobsQuerySchema.parse({}).limit).toBe(30)
    expect(listJobsQuerySchema.safeParse({ limit: '0' }).success).toBe(false)
    expect(listJobsQuerySchema.safeParse({ limit: '101' }).success).toBe(false)
    expect(listJobsQuerySchema.safeParse({ status: 'done' }).success).toBe(false)
  })
})

describe('replies', () => {
  const job = {
    id: 'job_0123456789ab',
    upstreamId: 'video_1',
    provider: 'simulator',
    prompt: 'p',
    model: 'sora-2',
    providerModel: null,
    size: '720x1280',
    seconds: 4,
    status: 'completed',
    progress: 100,
    error: null,
    createdAt: '2026-11-25T10:00:00.000Z',
    completedAt: '2026-11-25T10:01:00.000Z',
    remixOf: null,
    group: null,
    take: 'A',
    reference: null,
    lastReference: null,
    media: { video: '/api/jobs/job_0123456789ab/video', thumbnail: null, spritesheet: null, still: null },
    costUsd: 0.4,
    verdict: 'circled',
    verdictBy: 'Ana',
    notesCount: 2,
    author: 'Lee',
  }

  it('parses a job and refuses an unknown status', () => {
    expect(jobSchema.parse(job)).toEqual(job)
    expect(jobSchema.safeParse({ ...job, status: 'done' }).success).toBe(false)
    expect(jobSchema.safeParse({ ...job, id: '../../x' }).success).toBe(false)
    expect(jobSchema.safeParse({ ...job, take: 'a' }).success).toBe(false)
  })

  it('parses the error envelope with and without a field', () => {
    expect(errorEnvelopeSchema.parse({ error: { code: 'not_found', message: 'gone' } })).toBeTruthy()
    const withField = { error: { code: 'invalid_request', message: 'bad', field: 'size' } }
    expect(errorEnvelopeSchema.parse(withField).error.field).toBe('size')
    expect(errorEnvelopeSchema.safeParse({ message: 'bad' }).success).toBe(false)
  })
})
