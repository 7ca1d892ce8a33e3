import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorEnvelopeSchema } from '../../contract/errors'
import { jobSchema, type Job } from '../../contract/job'
import { multipartBody } from '../testing/multipart'
import { isDone, startTestStudio, type TestStudio } from '../testing/test-studio'

/** Export of notes through GET /api/review/export, on takes the simulator rendered (24 fps). */
let studio: TestStudio
let a: Job
let b: Job

async function render(prompt: string): Promise<Job> {
  const body = multipartBody({
    prompt,
    model: 'sora-2',
    size: '1280x720',
    seconds: '4',
    group: 'grp_export',
  })
  const reply = await studio.app.inject({ method: 'POST', url: '/api/jobs', ...body })
  return studio.waitForJob(jobSchema.parse(reply.json()).id, isDone)
}

const post = (url: string, payload: object, method: 'POST' | 'PUT' = 'POST') =>
  studio.app.inject({ method, url, payload })
const exportOf = (query: string) =>
  studio.app.inject({ method: 'GET', url: `/api/review/export?${query}` })

/** RFC 4180 rows: quoted cells may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const endCell = () => {
    row.push(cell)
    cell = ''
  }
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted && char === '"' && text[i + 1] === '"') {
      cell += '"'
      i++
    } else if (char === '"') {
      quoted = !quoted
    } else if (!quoted && char === ',') {
      endCell()
    } else if (!quoted && char === '\r' && text[i + 1] === '\n') {
      endCell()
      rows.push(row)
      row = []
      i++
    } else {
      cell += char
    }
  }
  return rows
}

beforeAll(async () => {
  studio = await startTestStudio()
  ;[a, b] = await Promise.all([
    render('a lighthouse at dusk, "wide"'),
    render('a lighthouse at dusk, close'),
  ])
  for (const [job, at, until, text] of [
    [a, 1.5, 2, 'Hold on the lamp, then cut'],
    [a, 0.5, null, 'Too dark'],
    [b, 3.25, null, 'The gull, again'],
  ] as const) {
    const reply = await post(`/api/jobs/${job.id}/notes`, {
      at,
      until,
      text,
      author: 'Ana',
      marks: [{ kind: 'rect', colour: 'red', x: 0.1, y: 0.1, w: 0.2, h: 0.2 }],
    })
    expect(reply.statusCode, reply.body).toBe(201)
  }
  await post(`/api/jobs/${a.id}/verdict`, { verdict: 'circled' }, 'PUT')
  await post(`/api/jobs/${b.id}/verdict`, { verdict: 'no_good' }, 'PUT')
}, 120_000)
afterAll(() => studio.close())

describe('GET /api/review/export', () => {
  it('exports a group as CSV: a row per note in time order, timecodes at 24 fps, verdicts and prompts', async () => {
    const reply = await exportOf('format=csv&group=grp_export')
    expect(reply.statusCode, reply.body).toBe(200)
    expect(reply.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(reply.headers['content-disposition']).toMatch(
      /^attachment; filename="a-lighthouse-at-dusk-wide-takes-notes-\d{4}-\d{2}-\d{2}\.csv"/,
    )
    const [header, ...rows] = parseCsv(reply.body.replace(/^\uFEFF/, ''))
    const column = (name: string) => header?.indexOf(name) ?? -1
    const pick = (row: string[]) =>
      ['Take', 'Verdict', 'In', 'Out', 'Note', 'Marks', 'FPS', 'Prompt'].map(
        (name) => row[column(name)],
      )
    expect(rows.map(pick)).toEqual([
      [
        `Take ${a.take}`,
        'Circled',
        '00:00:00:12',
        '',
        'Too dark',
        '1 rectangle',
        '24',
        'a lighthouse at dusk, "wide"',
      ],
      [
        `Take ${a.take}`,
        'Circled',
        '00:00:01:12',
        '00:00:02:00',
        'Hold on the lamp, then cut',
        '1 rectangle',
        '24',
        'a lighthouse at dusk, "wide"',
      ],
      [
        `Take ${b.take}`,
        'No good',
        '00:00:03:06',
        '',
        'The gull, again',
        '1 rectangle',
        '24',
        'a lighthouse at dusk, close',
      ],
    ])
  })

  it('exports the circled takes as Markdown with exact timecodes', async () => {
    const reply = await exportOf('format=md&verdict=circled')
    expect(reply.statusCode, reply.body).toBe(200)
    expect(reply.headers['content-type']).toBe('text/markdown; charset=utf-8')
    expect(reply.headers['content-disposition']).toMatch(
      /filename="circled-takes-notes-\d{4}-\d{2}-\d{2}\.md"/,
    )
    const md = reply.body
    expect(md).toContain('# Notes on the circled takes')
    expect(md).toContain(`## Take ${a.take} · Circled`)
    expect(md).toContain('> a lighthouse at dusk, "wide"')
    expect(md).toContain('| 00:00:00:12 |  | Too dark | Ana | 1 rectangle |')
    expect(md).toContain(
      '| 00:00:01:12 | 00:00:02:00 | Hold on the lamp, then cut | Ana | 1 rectangle |',
    )
    expect(md).not.toContain('gull')
  })

  it('exports chosen takes, and names one take in the file name', async () => {
    const one = await exportOf(`format=md&job=${b.id}`)
    expect(one.headers['content-disposition']).toMatch(
      /filename="a-lighthouse-at-dusk-close-take-[A-Z]-notes-/,
    )
    expect(one.body).toContain('| 00:00:03:06 |  | The gull, again | Ana | 1 rectangle |')
    const both = parseCsv((await exportOf(`format=csv&job=${b.id}&job=${a.id}`)).body)
    expect(both).toHaveLength(4)
  })

  it.each([
    ['no scope', 'format=csv', 400],
    ['two scopes', 'format=csv&group=grp_export&verdict=circled', 400],
    ['an unknown format', 'format=pdf&group=grp_export', 400],
    ['a verdict other than circled', 'format=csv&verdict=hold', 400],
    ['a malformed job id', 'format=csv&job=nope', 400],
    ['a take that does not exist', 'format=csv&job=job_doesnotexist00000', 404],
    ['a group that does not exist', 'format=csv&group=grp_none', 404],
  ])('refuses %s', async (_, query, status) => {
    const reply = await exportOf(query)
    expect(reply.statusCode).toBe(status)
    expect(errorEnvelopeSchema.safeParse(reply.json()).success).toBe(true)
  })
})
