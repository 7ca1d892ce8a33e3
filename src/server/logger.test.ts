import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createLogger } from './logger'

/** An output that keeps what is written; `terminal` makes it say it is one, as a TTY's stdout does. */
function collect(terminal = false): { stream: Writable; text: () => string } {
  const chunks: string[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString())
      done()
    },
  })
  if (terminal) Object.assign(stream, { isTTY: true })
  return { stream, text: () => chunks.join('') }
}

const request = { req: { headers: { authorization: 'Bearer sk-secret-123', cookie: 'session=abc' } } }

describe('the studio logger', () => {
  it('writes one JSON object a line when the output is not a terminal, redacting credentials', () => {
    const out = collect()
    createLogger('info', out.stream).info(request, 'job created')
    const line = JSON.parse(out.text().trim()) as Record<string, unknown>
    expect(line).toMatchObject({ msg: 'job created', level: 30 })
    expect(out.text()).not.toContain('sk-secret-123')
    expect(out.text()).not.toContain('session=abc')
  })

  it('writes readable lines when the output is a terminal, redacting the same credentials', () => {
    const out = collect(true)
    createLogger('info', out.stream).info(request, 'job created')
    expect(out.text()).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: job created/)
    expect(() => JSON.parse(out.text()) as unknown).toThrow()
    expect(out.text()).not.toContain('sk-secret-123')
    expect(out.text()).not.toContain('session=abc')
  })
})
