import { createReadStream } from 'node:fs'
import { copyFile, mkdir, stat, writeFile } from 'node:fs/promises'
import type { FastifyInstance } from 'fastify'
import sharp from 'sharp'
import type { Engine } from './engine'
import { SimError, simErrors } from './errors'
import { parseFaults, refusalFor } from './faults'
import { readBody } from './input'
import { listVideos } from './list'
import { MEDIA_FILES, type MediaVariant } from './render'
import type { VideoStore } from './store'
import type { SimModel } from './models'
import { parseCreate, parseRemix } from './validate'
import { isTerminal, isVideoId, newVideoId, toResource, unixNow, type VideoRecord } from './video'

export interface RouteDeps {
  store: VideoStore
  engine: Engine
  models: ReadonlyMap<string, SimModel>
}

type Query = Record<string, string | string[] | undefined>
interface ById {
  Params: { id: string }
  Querystring: Query
}

type NewVideoFields = Pick<
  VideoRecord,
  'prompt' | 'model' | 'resolved_model' | 'gateway' | 'size' | 'seconds' | 'remixed_from_video_id'
>

const VARIANTS = Object.keys(MEDIA_FILES) as MediaVariant[]
const REFERENCE_FILE = 'reference.png'
const LAST_REFERENCE_FILE = 'last-reference.png'

export function videoRoutes(app: FastifyInstance, { store, engine, models }: RouteDeps): void {
  /** A known, not-lost video, or the provider's 404. */
  const lookup = (id: string): VideoRecord => {
    const rec = isVideoId(id) ? store.get(id) : undefined
    if (!rec || rec.lost) throw simErrors.notFound(id)
    return rec
  }

  const newRecord = (fields: NewVideoFields): VideoRecord => ({
    id: newVideoId(fields.gateway),
    seq: store.nextSeq(),
    status: 'queued',
    progress: 0,
    created_at: unixNow(),
    completed_at: null,
    expires_at: null,
    error: null,
    lost: false,
    faults: parseFaults(fields.prompt),
    reference: null,
    last_reference: null,
    ...fields,
  })

  const accept = async (rec: VideoRecord) => {
    await store.save(rec)
    engine.start(rec.id)
    return toResource(rec)
  }

  app.post('/videos', async (request) => {
    const input = await parseCreate(await readBody(request), models)
    const { prompt, model, size, seconds } = input
    const refusal = refusalFor(parseFaults(prompt), model.id)
    if (refusal) throw refusal
    const rec = newRecord({
      prompt,
      model: model.id,
      resolved_model: model.resolvedId === model.id ? null : model.resolvedId,
      gateway: model.gateway,
      size,
      seconds,
      remixed_from_video_id: null,
    })
    const pixels = model.sizes.find((s) => s.size === size) ?? { width: 1280, height: 720 }
    const files = [REFERENCE_FILE, LAST_REFERENCE_FILE]
    for (const [index, bytes] of input.references.entries()) {
      const file = files[index] ?? REFERENCE_FILE
      // Normalised to a PNG of the render size: ffmpeg decodes every PNG, not every WebP. One
      // that already is (what the studio sends) is kept as it came, not decoded and encoded again.
      await mkdir(store.mediaDir(rec.id), { recursive: true })
      const meta = await sharp(bytes).metadata()
      if (meta.format === 'png' && meta.width === pixels.width && meta.height === pixels.height) {
        await writeFile(store.mediaPath(rec.id, file), bytes)
      } else {
        await sharp(bytes).resize(pixels.width, pixels.height, { fit: 'cover' }).png().toFile(store.mediaPath(rec.id, file))
      }
      if (index === 0) rec.reference = file
      else rec.last_reference = file
    }
    return accept(rec)
  })

  app.get<ById>('/videos/:id', (request) => toResource(lookup(request.params.id)))

  app.get<ById>('/videos/:id/content', async (request, reply) => {
    const raw = request.query.variant ?? 'video'
    const variant = VARIANTS.find((v) => v === raw)
    if (!variant) throw simErrors.invalidValue('variant', String(raw), VARIANTS)
    const rec = lookup(request.params.id)
    if (rec.status !== 'completed') {
      throw simErrors.notReady(
        `Video '${rec.id}' is not ready yet (status: ${rec.status}). Use GET /v1/videos/${rec.id} to check its status.`,
      )
    }
    if (rec.expires_at !== null && unixNow() >= rec.expires_at) {
      throw new SimError(404, `The content of video '${rec.id}' has expired.`)
    }
    const file = store.mediaPath(rec.id, MEDIA_FILES[variant].file)
    const info = await stat(file).catch(() => {
      throw simErrors.notFound(rec.id)
    })
    return reply
      .header('content-type', MEDIA_FILES[variant].contentType)
      .header('content-length', String(info.size))
      .send(createReadStream(file))
  })

  app.post<ById>('/videos/:id/remix', async (request) => {
    const prompt = parseRemix(await readBody(request))
    const source = lookup(request.params.id)
    if (source.status !== 'completed') {
      throw simErrors.notReady(
        `Video '${source.id}' is not completed (status: ${source.status}); only completed videos can be remixed.`,
      )
    }
    const refusal = refusalFor(parseFaults(prompt), source.model)
    if (refusal) throw refusal
    const { model, resolved_model, gateway, size, seconds } = source
    const rec = newRecord({ prompt, model, resolved_model, gateway, size, seconds, remixed_from_video_id: source.id })
    if (source.reference) {
      await mkdir(store.mediaDir(rec.id), { recursive: true })
      await copyFile(
        store.mediaPath(source.id, source.reference),
        store.mediaPath(rec.id, REFERENCE_FILE),
      )
      rec.reference = REFERENCE_FILE
    }
    return accept(rec)
  })

  app.get('/models', () => ({
    object: 'list',
    data: [...models.values()].map((m) => ({ id: m.id, object: 'model', created: 0, owned_by: 'dailies-simulator' })),
  }))

  app.get<{ Querystring: Query }>('/videos', (request) =>
    listVideos(
      store.all().filter((r) => !r.lost),
      request.query,
    ),
  )

  app.delete<ById>('/videos/:id', async (request) => {
    const rec = lookup(request.params.id)
    if (!isTerminal(rec) && rec.gateway) {
      // A gateway task is cancelled by DELETE; OpenAI refuses to delete a running video.
      engine.cancel(rec.id)
      return { id: rec.id, object: 'video.deleted', deleted: true }
    }
    if (!isTerminal(rec)) {
      throw simErrors.notReady(
        `Video '${rec.id}' is still ${rec.status}; only completed or failed videos can be deleted.`,
      )
    }
    await store.remove(rec.id)
    return { id: rec.id, object: 'video.deleted', deleted: true }
  })
}
