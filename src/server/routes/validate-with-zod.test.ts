import { describe, expect, it } from 'vitest'
import { z } from '../../lib/zod'
import { validateWithZod } from './validate-with-zod'

const compile = (schema: z.ZodMiniType, httpPart: string) =>
  validateWithZod({ schema, httpPart, method: 'GET', url: '/api/things/:id' })

describe('request validation from the contract', () => {
  it('lets path params of plain strings through as they are: the route reads its own ids', () => {
    const params = { id: 'anything at all' }
    const validate = compile(z.object({ id: z.string().check(z.describe('An id')) }), 'params')
    expect(validate(params)).toEqual({ value: params })
  })

  it('still validates a path param that carries a real check', () => {
    const validate = compile(z.object({ id: z.string().check(z.regex(/^job_/)) }), 'params')
    expect(validate({ id: 'job_1' })).toEqual({ value: { id: 'job_1' } })
    expect(validate({ id: 'nope' })).toHaveProperty('error')
  })

  it('validates a query of plain strings (only path params are strings by construction)', () => {
    const validate = compile(z.object({ q: z.string() }), 'querystring')
    expect(validate({})).toHaveProperty('error')
  })
})
