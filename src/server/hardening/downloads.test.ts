import fs from 'node:fs'
import { bypass, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { sleep, startFaultyProvider, type FaultyProvider } from '../testing/faulty-provider'
import { folderVault, listFiles } from '../testing/vault-snapshot'

/**
 * Slow and broken downloads of a finished take (msw in front of a real simulator): the vault
 * never keeps a partial file, its temp folder is left clean, and the take is archived whole.
 */

const server = setupServer()
let provider: FaultyProvider | null = null
beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }))
afterEach(async () => {
  await provider?.close()
  provider = null
})
afterAll(() => server.close())

/** The real file, from the simulator behind msw. */
async function realBytes(request: Request): Promise<{ bytes: Buffer; type: string }> {
  const real = await fetch(bypass(request))
  return {
    bytes: Buffer.from(await real.arrayBuffer()),
    type: real.headers.get('content-type') ?? '',
  }
}

/** A body that sends `bytes` in `pieces` with `gapMs` between, then ends or breaks off. */
function trickle(bytes: Buffer, pieces: number, gapMs: number, end: 'close' | 'error' = 'close') {
  const size = Math.ceil(bytes.length / pieces)
  let sent = 0
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (sent >= bytes.length) {
        if (end === 'error') controller.error(new TypeError('terminated: other side closed'))
        else controller.close()
        return
      }
      await sleep(gapMs)
      controller.enqueue(new Uint8Array(bytes.subarray(sent, sent + size)))
      sent += size
    },
  })
}

describe('slow and broken downloads', () => {
  it('takes its time over a slow download, with nothing in the job folder until the whole file lands', async () => {
    const p = (provider = await startFaultyProvider(server))
    const [job] = await p.createJobs(1)
    if (!job) throw new Error('no job')
    let fullSize = 0
    p.onRead(async ({ variant }, request) => {
      if (variant !== 'video') return null
      const { bytes, type } = await realBytes(request)
      fullSize = bytes.length
      return new HttpResponse(trickle(bytes, 20, 75), {
        headers: { 'content-type': type, 'content-length': String(bytes.length) },
      })
    })

    // Sample the vault all along: a video in the job folder is only ever the whole file.
    const vault = folderVault(p.studio.vault)
    let sampling = true
    let sawTemp = false
    const problems: string[] = []
    const sampler = (async () => {
      while (sampling) {
        const video = vault.pathOf(job.id, 'video')
        const size = fs.existsSync(video) ? fs.statSync(video).size : null
        if (size !== null && size !== fullSize)
          problems.push(`video.mp4 holds ${size} of ${fullSize} bytes`)
        if (listFiles(vault.tempDir).some((f) => f.startsWith('video'))) sawTemp = true
        await sleep(10)
      }
    })()
    const started = Date.now()
    const { final, seen } = await p.followToTheEnd([job])
    sampling = false
    await sampler
    expect(final[0]?.status).toBe('completed')
    expect(seen.has('failed')).toBe(false)
    expect(Date.now() - started).toBeGreaterThan(1500)
    expect(problems).toEqual([])
    expect(sawTemp, 'the copy streamed into the temp folder').toBe(true)
    expect(listFiles(vault.tempDir)).toEqual([])
    const original = await p.simulator.content(final[0]?.upstreamId ?? '', 'video')
    expect(fs.readFileSync(vault.pathOf(job.id, 'video')).equals(original)).toBe(true)
  })

  it('never keeps a cut-off download: no partial file, a clean temp folder, and the take completes once a copy is whole', async () => {
    const p = (provider = await startFaultyProvider(server))
    const [job] = await p.createJobs(1)
    if (!job) throw new Error('no job')
    const vault = folderVault(p.studio.vault)
    const problems: string[] = []
    let videoTries = 0
    p.onRead(async ({ variant }, request) => {
      if (variant !== 'video') return null
      videoTries += 1
      // Before every try: what the failed tries left behind (nothing, or this test fails).
      if (fs.existsSync(vault.pathOf(job.id, 'video')))
        problems.push(`try ${videoTries}: video.mp4 in the job folder`)
      const temp = listFiles(vault.tempDir)
      if (temp.length > 0) problems.push(`try ${videoTries}: .tmp holds ${temp.join(', ')}`)
      const { bytes, type } = await realBytes(request)
      const headers = { 'content-type': type, 'content-length': String(bytes.length) }
      // 1: Content-Length says more than is sent. 2: the line drops mid-body. Then whole copies.
      if (videoTries === 1)
        return new HttpResponse(trickle(bytes.subarray(0, bytes.length >> 1), 4, 5), { headers })
      if (videoTries === 2) {
        return new HttpResponse(trickle(bytes.subarray(0, bytes.length / 3), 4, 5, 'error'), {
          headers,
        })
      }
      return null
    })

    const { final, seen } = await p.followToTheEnd([job])
    expect(final[0]).toMatchObject({ status: 'completed', error: null })
    expect(seen.has('failed')).toBe(false)
    expect(problems).toEqual([])
    expect(listFiles(vault.tempDir)).toEqual([])
    const original = await p.simulator.content(final[0]?.upstreamId ?? '', 'video')
    const archived = fs.readFileSync(vault.pathOf(job.id, 'video'))
    expect(archived.equals(original), 'the archived video is the whole file').toBe(true)
    expect(videoTries).toBe(3)
    const sidecar = JSON.parse(fs.readFileSync(vault.pathOf(job.id, 'sidecar'), 'utf8')) as {
      files: { video: number }
    }
    expect(sidecar.files.video).toBe(original.length)
  })
})
