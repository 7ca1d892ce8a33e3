import { describe, expect, it } from 'vitest'
import { mapStatus, toUpstreamVideo, wireVideo } from './wire'

const read = (json: unknown) => {
  const video = toUpstreamVideo(wireVideo.parse(json))
  return { video, unknownStatus: video.unknownStatus }
}

describe('wire video parsing', () => {
  it('maps the statuses other gateways use onto the four the studio knows', () => {
    expect(mapStatus('error', false).status).toBe('failed')
    expect(mapStatus('processing', false).status).toBe('in_progress')
    expect(mapStatus('pending', false).status).toBe('queued')
    expect(mapStatus('IN-PROGRESS', false).status).toBe('in_progress')
    expect(mapStatus('succeeded', false).status).toBe('completed')
  })

  it('reads an unknown status as in progress, or failed when the reply carries an error', () => {
    expect(read({ id: 'v', status: 'thinking' })).toMatchObject({
      video: { status: 'in_progress' },
      unknownStatus: 'thinking',
    })
    const failed = read({ id: 'v', status: 'thinking', error: { code: 'boom', message: 'Broke' } })
    expect(failed.video).toMatchObject({
      status: 'failed',
      error: { code: 'boom', message: 'Broke' },
    })
  })

  it('accepts seconds and progress as strings, and timestamps in seconds or milliseconds', () => {
    const { video } = read({
      id: 'v',
      status: 'in_progress',
      seconds: '12',
      progress: '45',
      created_at: 1_773_296_991,
      completed_at: 1_773_296_991_000,
    })
    expect(video.seconds).toBe(12)
    expect(video.progress).toBe(45)
    expect(video.createdAt?.toISOString()).toBe('2026-03-12T06:29:51.000Z')
    expect(video.completedAt?.toISOString()).toBe('2026-03-12T06:29:51.000Z')
  })

  it('turns malformed optional fields into null instead of refusing the reply', () => {
    const { video } = read({ id: 'v', status: 'queued', seconds: 'soon', size: 42, error: {} })
    expect(video).toMatchObject({ seconds: null, size: null, error: null, progress: 0 })
  })

  it('gives a failed job without an error code a usable one', () => {
    const { video } = read({ id: 'v', status: 'failed', error: { code: '', message: 'Nope' } })
    expect(video.error).toEqual({ code: 'failed', kind: 'render_failed', message: 'Nope' })
  })

  it('refuses a reply without an id', () => {
    expect(wireVideo.safeParse({ status: 'queued' }).success).toBe(false)
  })
})
