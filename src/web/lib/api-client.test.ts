import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { healthSchema } from '../../contract/api'
import { server } from '../testing/server'
import { ApiError } from '../../contract/errors'
import { apiRequest } from './api-client'

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`)
  return error
}

describe('apiRequest', () => {
  it('returns the reply parsed by its contract schema', async () => {
    await expect(apiRequest('/api/health', healthSchema)).resolves.toEqual({
      ok: true,
      provider: 'simulator',
      database: 'up',
      storage: 'up',
    })
  })

  it('turns the error envelope into an ApiError with code, message and field', async () => {
    server.use(
      http.get('/api/health', () =>
        HttpResponse.json(
          { error: { code: 'invalid_request', message: 'Bad size', field: 'size' } },
          { status: 400 },
        ),
      ),
    )
    const error = await failure(apiRequest('/api/health', healthSchema))
    expect(error).toMatchObject({
      status: 400,
      code: 'invalid_request',
      message: 'Bad size',
      field: 'size',
    })
  })

  it('names the status when the reply is not the envelope', async () => {
    server.use(
      http.get('/api/health', () => new HttpResponse('<h1>Bad gateway</h1>', { status: 502 })),
    )
    const error = await failure(apiRequest('/api/health', healthSchema))
    expect(error).toMatchObject({ status: 502, code: 'http_error' })
    expect(error.message).toMatch(/502/)
  })

  it('refuses a reply that breaks the contract', async () => {
    server.use(
      http.get('/api/health', () => HttpResponse.json({ ok: true, provider: 'sora-cloud' })),
    )
    const error = await failure(apiRequest('/api/health', healthSchema))
    expect(error).toMatchObject({ code: 'bad_response' })
  })

  it('reports an unreachable server as a network error', async () => {
    server.use(http.get('/api/health', () => HttpResponse.error()))
    const error = await failure(apiRequest('/api/health', healthSchema))
    expect(error).toMatchObject({ status: 0, code: 'network_error' })
  })
})
