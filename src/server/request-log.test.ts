import { afterEach, describe, expect, it } from 'vitest'
import { captureLogs } from './testing/log-capture'
import { startTestStudio, type TestStudio } from './testing/test-studio'

let studio: TestStudio | null = null
afterEach(async () => {
  await studio?.close()
  studio = null
})

async function studioAt(logLevel: 'info' | 'debug') {
  const logs = captureLogs()
  studio = await startTestStudio({ config: { logLevel }, overrides: { logStream: logs.stream } })
  const requestLines = () =>
    logs
      .entries()
      .filter((e) => e.msg === 'request completed')
      .map((e) => {
        const req = e.req as { method: string; url: string }
        const res = e.res as { statusCode: number }
        return `${String(e.level)} ${req.method} ${req.url} ${res.statusCode}`
      })
  return { app: studio.app, requestLines }
}

describe('request log', () => {
  it('logs changes and failures at info, one line each, and successful reads only at debug', async () => {
    const { app, requestLines } = await studioAt('info')
    await app.inject({ method: 'GET', url: '/api/health' })
    await app.inject({ method: 'GET', url: '/api/jobs/job_missing00000' })
    await app.inject({ method: 'DELETE', url: '/api/jobs/job_missing00000' })
    // pino levels: 20 debug, 30 info.
    expect(requestLines()).toEqual([
      '30 GET /api/jobs/job_missing00000 404',
      '30 DELETE /api/jobs/job_missing00000 404',
    ])
  })

  it('logs every read at debug', async () => {
    const { app, requestLines } = await studioAt('debug')
    await app.inject({ method: 'GET', url: '/api/health' })
    expect(requestLines()).toEqual(['20 GET /api/health 200'])
  })
})
