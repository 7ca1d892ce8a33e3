import { delay, http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { JobList } from '../../contract/api'
import { sessionQueries } from '../features/account/session-queries'
import { authorQueries } from '../lib/author-queries'
import { capabilityQueries } from '../lib/capability-queries'
import { healthQueries } from '../lib/health-queries'
import { jobQueries } from '../lib/job-queries'
import { createTestQueryClient } from '../testing/render'
import { server } from '../testing/server'
import { firstFrameReady } from './first-frame'
import { startOfToday } from './spend-today'

beforeEach(() => {
  server.use(
    http.get('/api/jobs', () => HttpResponse.json<JobList>({ items: [], nextCursor: null })),
  )
})

afterEach(() => {
  vi.useRealTimers()
  window.history.replaceState(null, '', '/')
})

describe('the first frame', () => {
  it('waits for the provider, the takes still rendering, the catalog, the header’s data and the gallery’s first page under the address bar’s filters', async () => {
    window.history.replaceState(null, '', '/?status=failed&q=%20dusk%20')
    const client = createTestQueryClient()

    await firstFrameReady(client)

    expect(client.getQueryData(healthQueries.status().queryKey)?.provider).toBe('simulator')
    // The render queue's rows are drawn in the first frame, not pushed in above the gallery.
    expect(client.getQueryData(jobQueries.active().queryKey)).toEqual([])
    // The same key the gallery then reads: its first render finds the page already there.
    const gallery = jobQueries.gallery({ status: 'failed', q: 'dusk' })
    expect(client.getQueryData(gallery.queryKey)?.pages).toHaveLength(1)
    // Each tile's model is named from the catalog in the first frame, not redrawn when it lands.
    expect(
      client.getQueryData(capabilityQueries.current().queryKey)?.models.length,
    ).toBeGreaterThan(0)
    // The header's and the toolbar's own data: nothing there appears after the first frame.
    expect(client.getQueryData(sessionQueries.info().queryKey)).toBeDefined()
    expect(client.getQueryData(jobQueries.spend(startOfToday()).queryKey)).toBeDefined()
    expect(client.getQueryData(authorQueries.list().queryKey)).toBeDefined()
  })

  it('is drawn without them when the server does not answer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    server.use(http.get('/api/health', () => delay('infinite')))
    const client = createTestQueryClient()
    let drawn = false

    const ready = firstFrameReady(client).then(() => (drawn = true))
    await vi.advanceTimersByTimeAsync(1000)
    expect(drawn).toBe(false)
    await vi.advanceTimersByTimeAsync(600)
    await ready
    expect(drawn).toBe(true)
    expect(client.getQueryData(healthQueries.status().queryKey)).toBeUndefined()
  })
})
