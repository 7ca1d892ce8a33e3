import { describe, expect, it } from 'vitest'
import { createLogger } from './logger'
import { requestLogger } from './request-logger'
import { captureLogs } from './testing/log-capture'
import { startTestStudio } from './testing/test-studio'

describe("a request's logger", () => {
  it("writes the lines its level keeps, with the request's id, and nothing else", () => {
    const logs = captureLogs()
    const log = requestLogger(createLogger('info', logs.stream), { reqId: 'req-7' }, {})
    expect(log.level).toBe('info')
    log.debug({ detail: 1 }, 'not kept at info')
    log.info({ job: 'job_a' }, 'kept')
    log.child({ part: 'upload' }).warn('from a child')
    expect(logs.entries().map(({ level, reqId, job, part, msg }) => ({ level, reqId, job, part, msg }))).toEqual([
      { level: 30, reqId: 'req-7', job: 'job_a', part: undefined, msg: 'kept' },
      { level: 40, reqId: 'req-7', job: undefined, part: 'upload', msg: 'from a child' },
    ])
  })

  it("follows a level set on it, and a route's own level", () => {
    const logs = captureLogs()
    const parent = createLogger('info', logs.stream)
    const chatty = requestLogger(parent, { reqId: 'req-1' }, {})
    chatty.level = 'debug'
    chatty.debug('now kept')
    const quiet = requestLogger(parent, { reqId: 'req-2' }, { level: 'warn' })
    quiet.info('not kept by a warn route')
    expect(logs.entries().map(({ reqId, msg }) => `${String(reqId)} ${String(msg)}`)).toEqual(['req-1 now kept'])
  })

  it("is what the studio's requests log with: a failed request's line names it", async () => {
    const logs = captureLogs()
    const studio = await startTestStudio({ config: { logLevel: 'info' }, overrides: { logStream: logs.stream } })
    try {
      await studio.app.inject({ method: 'GET', url: '/api/jobs/job_missing00000' })
      const line = logs.entries().find((entry) => entry.msg === 'request completed')
      expect(line).toMatchObject({ level: 30, reqId: expect.stringMatching(/.+/) as unknown, res: { statusCode: 404 } })
    } finally {
      await studio.close()
    }
  })
})
