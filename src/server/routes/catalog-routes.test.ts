import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { capabilitiesSchema } from '../../contract/capabilities'
import { jobListSchema } from '../../contract/api'
import { errorEnvelopeSchema } from '../../contract/errors'
import { jobSchema } from '../../contract/job'
import { loadCatalog } from '../catalog/catalog-file'
import { multipartBody, rawMultipartBody } from '../testing/multipart'
import { seedJob } from '../testing/seed-job'
import { startTestStudio, type TestStudio } from '../testing/test-studio'
import type { Upstream } from '../upstream/types'

let studio: TestStudio | null = null
afterEach(async () => {
  await studio?.close()
  studio = null
})

const withModels =
  (listModels: Upstream['listModels']) =>
  (upstream: Upstream): Upstream => ({ ...upstream, listModels })

async function offered(s: TestStudio): Promise<Record<string, string>> {
  await s.discovery
  const caps = capabilitiesSchema.parse(
    (await s.app.inject({ method: 'GET', url: '/api/capabilities' })).json(),
  )
  return Object.fromEntries(caps.models.map((m) => [m.id, m.availability]))
}

const solid = (background: string) =>
  sharp({ create: { width: 320, height: 240, channels: 3, background } })
    .png()
    .toBuffer()

describe('discovery (GET /v1/models)', () => {
  it('shows models the provider does not list as not offered, and refuses them for new takes', async () => {
    studio = await startTestStudio({
      overrides: { wrapUpstream: withModels(() => Promise.resolve(['sora-2', 'veo3.1'])) },
    })
    expect(await offered(studio)).toEqual({
      'sora-2': 'offered',
      'sora-2-pro': 'not_offered',
      'veo3.1': 'offered',
      'veo3.1-pro': 'not_offered',
      veo3: 'not_offered',
      'veo3-fast': 'not_offered',
    })
    const body = multipartBody({ prompt: 'p', model: 'veo3', size: '16x9', seconds: '8' })
    const reply = await studio.app.inject({ method: 'POST', url: '/api/jobs', ...body })
    expect(reply.statusCode).toBe(400)
    expect(reply.json()).toMatchObject({
      error: {
        field: 'model',
        message:
          'Veo 3 (veo3) is not offered by this provider (not listed by the provider’s /models). Choose one of: Sora 2 (sora-2), Veo 3.1 (veo3.1).',
      },
    })
  })

  it.each([
    ['has no endpoint', () => Promise.resolve(null)],
    ['fails', () => Promise.reject(new Error('gateway down'))],
  ])(
    'offers every current model when the provider %s, and starts anyway',
    async (_what, listModels) => {
      studio = await startTestStudio({ overrides: { wrapUpstream: withModels(listModels) } })
      expect(Object.values(await offered(studio)).every((a) => a === 'offered')).toBe(true)
    },
  )

  it('lets an OpenAI key see Sora as retired, with the date', async () => {
    studio = await startTestStudio({
      overrides: { wrapUpstream: withModels(() => Promise.resolve(null)) },
    })
    const { ModelCatalog } = await import('../catalog/model-catalog')
    const catalog = new ModelCatalog(loadCatalog(null), 'openai')
    expect(catalog.model('sora-2')?.availability).toBe('retired')
    expect(catalog.model('sora-2')?.note).toContain('2026-09-24')
    expect(catalog.model('veo3.1')?.availability).toBe('not_offered')
  })
})

describe('first + last frame', () => {
  it('fits both frames, sends them in order, keeps them with their roles, and reads the resolved model', async () => {
    studio = await startTestStudio()
    const body = rawMultipartBody([
      { kind: 'field', name: 'prompt', value: 'red to blue' },
      { kind: 'field', name: 'model', value: 'veo3.1' },
      { kind: 'field', name: 'size', value: '16x9' },
      { kind: 'field', name: 'seconds', value: '8' },
      {
        kind: 'file',
        name: 'input_reference',
        filename: 'red.png',
        contentType: 'image/png',
        data: await solid('#ff0000'),
      },
      {
        kind: 'file',
        name: 'last_frame',
        filename: 'blue.png',
        contentType: 'image/png',
        data: await solid('#0000ff'),
      },
    ])
    const reply = await studio.app.inject({ method: 'POST', url: '/api/jobs', ...body })
    expect(reply.statusCode, reply.body).toBe(201)
    // The frames are fitted and sent after the 201, in the job's submission step (ADR 008).
    const accepted = jobSchema.parse(reply.json())
    const created = await studio.waitForJob(accepted.id, (j) => j.status !== 'submitting')
    expect(created).toMatchObject({
      model: 'veo3.1',
      providerModel: 'veo_3_1-4K',
      size: '16x9',
      seconds: 8,
      costUsd: null,
    })
    expect(created.upstreamId).toMatch(/^task_/)
    expect(created.reference).toEqual({
      url: `/api/jobs/${created.id}/reference`,
      width: 1280,
      height: 720,
    })
    expect(created.lastReference).toEqual({
      url: `/api/jobs/${created.id}/last-frame`,
      width: 1280,
      height: 720,
    })
    const last = await studio.app.inject({ method: 'GET', url: created.lastReference?.url ?? '' })
    const { data } = await sharp(last.rawPayload).raw().toBuffer({ resolveWithObject: true })
    expect([data[0], data[1], data[2]]).toEqual([0, 0, 255])

    const done = await studio.waitForJob(
      created.id,
      (j) => j.status === 'completed' || j.status === 'failed',
    )
    expect(done.status).toBe('completed')
    const sidecar = JSON.parse(
      (await studio.vault.read(done.id, 'sidecar')).toString('utf8'),
    ) as Record<string, unknown>
    expect(sidecar).toMatchObject({
      model: 'veo3.1',
      providerModel: 'veo_3_1-4K',
      references: [
        { role: 'first-frame', file: 'reference.png', width: 1280, height: 720 },
        { role: 'last-frame', file: 'last-frame.png', width: 1280, height: 720 },
      ],
    })
  })

  it.each([
    [
      'a last frame to a one-image model',
      'sora-2',
      '1280x720',
      ['input_reference', 'last_frame'],
      'last_frame',
      'Sora 2 takes one reference image, not a last frame',
    ],
    [
      'a last frame without a first',
      'veo3',
      '9x16',
      ['last_frame'],
      'input_reference',
      'A last frame needs a first frame too',
    ],
  ])(
    'refuses %s, naming the field, and keeps nothing',
    async (_what, model, size, files, field, message) => {
      studio = await startTestStudio()
      const image = await solid('#00ff00')
      const seconds = model === 'sora-2' ? '4' : '8'
      const body = rawMultipartBody([
        { kind: 'field', name: 'prompt', value: 'p' },
        { kind: 'field', name: 'model', value: model },
        { kind: 'field', name: 'size', value: size },
        { kind: 'field', name: 'seconds', value: seconds },
        ...files.map((name) => ({
          kind: 'file' as const,
          name,
          filename: `${name}.png`,
          contentType: 'image/png',
          data: image,
        })),
      ])
      const reply = await studio.app.inject({ method: 'POST', url: '/api/jobs', ...body })
      expect(reply.statusCode).toBe(400)
      expect(reply.json()).toMatchObject({ error: { field, message } })
      expect(
        jobListSchema.parse((await studio.app.inject({ method: 'GET', url: '/api/jobs' })).json())
          .items,
      ).toEqual([])
    },
  )
})

describe('a model that was retired or removed', () => {
  it('keeps its takes listed, filterable and playable; Retry and Remix answer 400 naming it and the alternatives', async () => {
    const retired = loadCatalog(null).map((e) =>
      e.id === 'sora-2'
        ? { ...e, status: 'retired' as const, reason: 'the gateway dropped it' }
        : e,
    )
    studio = await startTestStudio({ config: { models: retired } })
    const old = await seedJob(studio.repo, {
      model: 'sora-2',
      status: 'completed',
      upstreamId: 'video_x',
      progress: 100,
    })
    const gone = await seedJob(studio.repo, {
      model: 'wan-2.2',
      size: '832x480',
      status: 'failed',
      providerModel: 'wan2.2-t2v',
    })
    const list = jobListSchema.parse(
      (
        await studio.app.inject({ method: 'GET', url: '/api/jobs?status=completed&status=failed' })
      ).json(),
    )
    expect(list.items.map((j) => [j.model, j.size])).toEqual([
      ['wan-2.2', '832x480'],
      ['sora-2', '720x1280'],
    ])
    const filtered = jobListSchema.parse(
      (await studio.app.inject({ method: 'GET', url: '/api/jobs?model=wan-2.2' })).json(),
    )
    expect(filtered.items.map((j) => j.providerModel)).toEqual(['wan2.2-t2v'])

    const retry = await studio.app.inject({ method: 'POST', url: `/api/jobs/${old.id}/retry` })
    expect(retry.statusCode).toBe(400)
    const refused = errorEnvelopeSchema.parse(retry.json()).error
    expect(refused.field).toBe('model')
    expect(refused.message).toMatch(
      /^Sora 2 \(sora-2\) is retired: the gateway dropped it\. Choose one of: Sora 2 Pro \(sora-2-pro\), Veo 3\.1 \(veo3\.1\)/,
    )
    const remix = await studio.app.inject({
      method: 'POST',
      url: `/api/jobs/${old.id}/remix`,
      payload: { prompt: 'again' },
    })
    expect(remix.statusCode).toBe(400)
    const removed = await studio.app.inject({ method: 'POST', url: `/api/jobs/${gone.id}/retry` })
    expect(errorEnvelopeSchema.parse(removed.json()).error.message).toMatch(
      /^The model "wan-2\.2" is not in this studio's catalog\. Choose one of:/,
    )
    expect(
      jobListSchema.parse((await studio.app.inject({ method: 'GET', url: '/api/jobs' })).json())
        .items,
    ).toHaveLength(2)
  })
})
