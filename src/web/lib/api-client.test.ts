import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { Health } from '../../contract/api'
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
  it('returns the reply as the contract types it', async () => {
    await expect(apiRequest<Health>('/api/health')).resolves.toEqual({
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
    const error = await failure(apiRequest<Health>('/api/health'))
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
    const error = await failure(apiRequest<Health>('/api/health'))
    expect(error).toMatchObject({ status: 502, code: 'http_error' })
    expect(error.message).toMatch(/502/)
  })

  it('refuses a successful reply that is not JSON, as a proxy’s sign-in page would be', async () => {
    server.use(
      http.get(
        '/api/health',
        () =>
          new HttpResponse('<html><body>Sign in to the office network</body></html>', {
            status: 200,
            headers: { 'content-type': 'text/html' },
          }),
      ),
    )
    const error = await failure(apiRequest<Health>('/api/health'))
    expect(error).toMatchObject({ code: 'bad_response', status: 200 })
    expect(error.message).toBe('Unexpected reply from /api/health')
  })

  it('answers null for an empty reply (a 204)', async () => {
    server.use(
      http.delete('/api/jobs/job_abcdefghij', () => new HttpResponse(null, { status: 204 })),
    )
    await expect(
      apiRequest<null>('/api/jobs/job_abcdefghij', { method: 'DELETE' }),
    ).resolves.toBeNull()
  })

  it('reports an unreachable server as a network error', async () => {
    server.use(http.get('/api/health', () => HttpResponse.error()))
    const error = await failure(apiRequest<Health>('/api/health'))
    expect(error).toMatchObject({ status: 0, code: 'network_error' })
  })
})
