import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createLogger } from './logger'

function collect(): { stream: Writable; text: () => string } {
  const chunks: string[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString())
      done()
    },
  })
  return { stream, text: () => chunks.join('') }
}

const request = { req: { headers: { authorization: 'Bearer sk-secret-123', cookie: 'session=abc' } } }

describe('the studio logger', () => {
  it('writes one JSON object a line when the output is not a terminal, redacting credentials', () => {
    const out = collect()
    createLogger('info', { stream: out.stream }).info(request, 'job created')
    const line = JSON.parse(out.text().trim()) as Record<string, unknown>
    expect(line).toMatchObject({ msg: 'job created', level: 30 })
    expect(out.text()).not.toContain('sk-secret-123')
    expect(out.text()).not.toContain('session=abc')
  })

  it('writes readable lines for a terminal, redacting the same credentials', () => {
    const out = collect()
    createLogger('info', { stream: out.stream, readable: true }).info(request, 'job created')
    expect(out.text()).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: job created/)
    expect(() => JSON.parse(out.text()) as unknown).toThrow()
    expect(out.text()).not.toContain('sk-secret-123')
    expect(out.text()).not.toContain('session=abc')
  })
})
