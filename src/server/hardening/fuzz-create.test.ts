import fc from 'fast-check'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Job } from '../../contract/job'
import { startFuzzStudio, type FuzzStudio } from '../testing/fuzz-studio'
import { rawMultipartBody, type RawPart } from '../testing/multipart'

/**
 * Property-based fuzzing of POST /api/jobs: any fields (known or not, duplicated, typed JSON,
 * unicode, huge), any file parts (random bytes, real and broken images, `../` names), any body
 * or content type. Always a documented status, never a 500; a refusal leaves no row, no file and
 * no provider call; an acceptance stores exactly what was sent.
 */

let fuzz: FuzzStudio
const images: Buffer[] = []

beforeAll(async () => {
  fuzz = await startFuzzStudio()
  const solid = (width: number, height: number) =>
    sharp({ create: { width, height, channels: 3, background: '#3366ff' } })
  const png = await solid(64, 48).png().toBuffer()
  images.push(
    png,
    await solid(300, 200).jpeg().toBuffer(),
    await solid(10, 400).webp().toBuffer(),
    await solid(1, 1).png().toBuffer(),
    png.subarray(0, 40), // a PNG cut short
    Buffer.concat([png.subarray(0, 16), Buffer.alloc(64, 0xff)]), // a PNG signature, then noise
    Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'),
    Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
  )
})
afterAll(() => fuzz.close())

const VALID: Record<string, string> = {
  prompt: 'a lantern over a night market',
  model: 'sora-2',
  size: '1280x720',
  seconds: '4',
}
const KNOWN_NAMES = ['prompt', 'model', 'size', 'seconds', 'fit', 'group'] as const

const text = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'sora-2',
      'sora-2-pro',
      '720x1280',
      '1792x1024',
      '4',
      '8',
      '12',
      'cover',
      'contain',
      'take-7',
    ),
  },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double()).map(String) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '\u0000',
      'NaN',
      'Infinity',
      '-4',
      '4.0',
      '4.5',
      '0x4',
      '1e309',
      '  8  ',
      '<script>alert(1)</script>',
      "'; DROP TABLE jobs; --",
      '%s%n%x',
      '[sim:500]',
      '{"a":1}',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(32_001, 140_000).map((n) => 'x'.repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom(`a${' '.repeat(140_000)}b`, `${'é'.repeat(40_000)}`) },
)

const knownField = fc.record({
  kind: fc.constant('field' as const),
  name: fc.constantFrom(...KNOWN_NAMES),
  value: text,
  contentType: fc.option(
    fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-8'),
    {
      freq: 6,
      nil: undefined,
    },
  ),
})

const strangeField = fc.record({
  kind: fc.constant('field' as const),
  name: fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.constantFrom(
      '__proto__',
      'constructor',
      'toString',
      'input_reference',
      '',
      'prompt"; filename="x.png',
      'a\r\nContent-Type: image/png',
    ),
  ),
  value: text,
})

const filePart = fc.record({
  kind: fc.constant('file' as const),
  name: fc.oneof(
    { weight: 4, arbitrary: fc.constant('input_reference') },
    fc.string({ maxLength: 12 }),
  ),
  filename: fc.oneof(
    fc.constantFrom(
      'ref.png',
      '../../x.png',
      '..\\..\\x.png',
      '/etc/passwd',
      '',
      '.tmp/../../../evil.png',
      'job_aaaaaaaaaaaa/video.mp4',
      'x.png\u0000.txt',
      'a"b.png',
      '%2e%2e%2fx.png',
      'CON',
      '.',
    ),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
  ),
  contentType: fc.oneof(
    fc.constantFrom(
      'image/png',
      'image/jpeg',
      'image/webp',
      'image/gif',
      'image/svg+xml',
      'text/html',
      'video/mp4',
      'application/octet-stream',
    ),
    fc.string({ unit: 'grapheme-ascii', maxLength: 30 }).filter((s) => !/[\r\n]/.test(s)),
  ),
  data: fc.oneof(
    { weight: 2, arbitrary: fc.uint8Array({ maxLength: 4096 }).map((bytes) => Buffer.from(bytes)) },
    { weight: 3, arbitrary: fc.nat({ max: 7 }).map((i) => images[i] ?? Buffer.alloc(0)) },
  ),
})

const validParts: RawPart[] = Object.entries(VALID).map(([name, value]) => ({
  kind: 'field',
  name,
  value,
}))

const createRequest = fc
  .tuple(
    fc.oneof({ weight: 3, arbitrary: fc.constant(validParts) }, fc.subarray(validParts)),
    fc.array(fc.oneof({ weight: 3, arbitrary: knownField }, strangeField), { maxLength: 3 }),
    fc.array(filePart, { maxLength: 2 }),
  )
  .chain(([base, extra, files]) => {
    const parts: RawPart[] = [...base, ...extra, ...files]
    return fc.shuffledSubarray(parts, { minLength: parts.length, maxLength: parts.length })
  })

/** Inputs that once got through, tried first on every run. */
const REGRESSIONS: RawPart[][] = [
  // A prompt past the field size limit was cut to fit and stored as `a`.
  [...validParts, { kind: 'field', name: 'prompt', value: `a${' '.repeat(140_000)}b` }],
  // A part typed application/json arrives parsed: a number or object became the prompt "8".
  [...validParts, { kind: 'field', name: 'prompt', value: '8', contentType: 'application/json' }],
  [
    ...validParts,
    { kind: 'field', name: 'group', value: '{"a":1}', contentType: 'application/json' },
  ],
]

/** What the studio should have read from a text part: its UTF-8, JSON-decoded when so typed. */
function sentText(part: RawPart & { kind: 'field' }): string {
  const value = Buffer.from(part.value).toString('utf8')
  return part.contentType?.startsWith('application/json') ? (JSON.parse(value) as string) : value
}

/** A part typed JSON whose value is not a JSON string (an object, a number…) is not text. */
function notText(part: RawPart): boolean {
  if (part.kind !== 'field' || !part.contentType?.startsWith('application/json')) return false
  try {
    return typeof JSON.parse(Buffer.from(part.value).toString('utf8')) !== 'string'
  } catch {
    return true
  }
}

const lastField = (parts: RawPart[], name: string) =>
  parts
    .filter((p): p is RawPart & { kind: 'field' } => p.kind === 'field' && p.name === name)
    .at(-1)

/** A 201 stored exactly what was sent: no truncated, coerced or stale value. */
function expectStoredAsSent(job: Job, parts: RawPart[], added: string[]): void {
  const sent = (name: string) => {
    const part = lastField(parts, name)
    return part ? sentText(part) : undefined
  }
  expect(job.prompt).toBe(sent('prompt')?.trim())
  expect(job.model).toBe(sent('model'))
  expect(job.size).toBe(sent('size'))
  expect(job.seconds).toBe(Number(sent('seconds')))
  expect(job.group).toBe(sent('group') ?? null)
  // An empty file part is a form with no file chosen (its name may reduce to nothing, as `.` does).
  const files = parts.filter(
    (p) => p.kind === 'file' && p.name === 'input_reference' && p.data.length > 0,
  )
  if (job.error?.code === 'reference_unreadable') {
    // Kept as sent for a Retry; no fitted copy could be made of it.
    expect([job.status, job.reference, added.length]).toEqual(['failed', null, 1])
    return
  }
  expect(job.reference !== null).toBe(files.length > 0)
  expect(added.length).toBe(job.reference ? 2 : 0)
}

describe('POST /api/jobs, fuzzed', () => {
  it('answers any multipart body with a documented status, and a refusal leaves nothing behind', async () => {
    let accepted = 0
    await fc.assert(
      fc.asyncProperty(createRequest, async (parts) => {
        const {
          status,
          job,
          newFiles: added,
        } = await fuzz.exchange({
          method: 'POST',
          url: '/api/jobs',
          ...rawMultipartBody(parts),
        })
        if (status === 201 && job) {
          accepted += 1
          expect(parts.some(notText), 'a field that is not text was accepted').toBe(false)
          expectStoredAsSent(job, parts, added)
        }
      }),
      { numRuns: 250, examples: REGRESSIONS.map((parts) => [parts]) },
    )
    // The generator must reach the accepting path too, or half the property is never tested.
    expect(accepted).toBeGreaterThan(20)
  })

  it('answers any other body or content type with a documented 4xx', async () => {
    const contentType = fc.oneof(
      fc.constantFrom(
        'application/json',
        'text/plain',
        'application/x-www-form-urlencoded',
        'image/png',
        'multipart/form-data',
        'multipart/form-data; boundary=',
        'multipart/form-data; boundary=abc',
        'multipart/mixed; boundary=abc',
      ),
      fc.string({ unit: 'grapheme-ascii', maxLength: 40 }).filter((s) => !/[\r\n]/.test(s)),
    )
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes)),
      fc.jsonValue().map((value) => Buffer.from(JSON.stringify(value) ?? '')),
      fc.constant(
        Buffer.from('--abc\r\nContent-Disposition: form-data; name="prompt"\r\n\r\nx\r\n'),
      ),
    )
    await fc.assert(
      fc.asyncProperty(fc.option(contentType, { nil: undefined }), body, async (type, payload) => {
        const headers: Record<string, string> = type === undefined ? {} : { 'content-type': type }
        const { status } = await fuzz.exchange({
          method: 'POST',
          url: '/api/jobs',
          payload,
          headers,
        })
        expect(status).not.toBe(201)
      }),
      { numRuns: 120 },
    )
  })
})
