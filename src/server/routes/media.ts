import fs from 'node:fs'
import fsp from 'node:fs/promises'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ApiError } from '../../contract/errors'
import { parseByteRange } from '../media/byte-range'
import { contentDisposition, downloadName } from '../media/download-name'
import type { JobService } from '../jobs/job-service'
import type { JobRecord } from '../store/job-record'
import { ASSETS, type Vault } from '../vault/vault'
import { parseJobId } from './jobs'
import { ROUTE_SCHEMAS } from './route-schemas'

const servedAssetSchema = z.enum(['video', 'thumbnail', 'spritesheet', 'reference', 'last-frame'])
type ServedAsset = z.infer<typeof servedAssetSchema>

const EXTENSIONS: Record<ServedAsset, string> = { video: 'mp4', thumbnail: 'webp', spritesheet: 'jpg', reference: 'png', 'last-frame': 'png' }
// Vault files never change once written; a new take is a new job id.
const CACHE_CONTROL = 'private, max-age=31536000, immutable'
/**
 * 64 KiB reads, Node's default: larger ones (1 MiB was tried) each take fresh memory from the
 * system, so many whole-file downloads at once ran slower and held far more RSS (bench 5).
 */
const READ_BUFFER = 1 << 16

function assertAvailable(job: JobRecord, asset: ServedAsset): void {
  if (asset === 'reference') {
    if (!job.reference) throw new ApiError('not_found', 'This job has no reference image')
    return
  }
  if (asset === 'last-frame') {
    if (!job.lastReference) throw new ApiError('not_found', 'This job has no last frame')
    return
  }
  if (job.status !== 'completed') throw new ApiError('conflict', 'This take is not finished yet')
  if ((asset === 'thumbnail' && !job.hasThumbnail) || (asset === 'spritesheet' && !job.hasSpritesheet)) {
    throw new ApiError('not_found', `The provider gave no ${asset} for this take`)
  }
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false
  return header.trim() === '*' || header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
}

function unsatisfiable(reply: FastifyReply, size: number) {
  return reply
    .status(416)
    .type('application/json; charset=utf-8')
    .header('content-range', `bytes */${size}`)
    .send({ error: { code: 'range_not_satisfiable', message: `The file is ${size} bytes long` } })
}

export function mediaRoutes(app: FastifyInstance, deps: { jobs: JobService; vault: Vault }): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/jobs/:id/:asset', { schema: ROUTE_SCHEMAS.media }, async (request, reply) => {
    const id = parseJobId(request.params)
    const asset = servedAssetSchema.safeParse(request.params.asset)
    if (!asset.success) throw new ApiError('not_found', 'No such media')
    const { download } = request.query
    const job = deps.jobs.get(id)
    assertAvailable(job, asset.data)

    const file = deps.vault.pathOf(id, asset.data)
    const stat = await fsp.stat(file).catch(() => null)
    if (!stat) throw new ApiError('not_found', `The ${asset.data} of this job is missing from the vault`)
    const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`
    reply
      .header('etag', etag)
      .header('cache-control', CACHE_CONTROL)
      .header('last-modified', stat.mtime.toUTCString())
      .header('accept-ranges', 'bytes')
      .type(ASSETS[asset.data].contentType)
    if (download === '1') {
      reply.header('content-disposition', contentDisposition(downloadName(job, EXTENSIONS[asset.data])))
    }
    if (matchesEtag(request.headers['if-none-match'], etag)) return reply.status(304).send()

    const range = parseByteRange(request.headers.range, stat.size)
    if (range === 'unsatisfiable') return unsatisfiable(reply, stat.size)
    if (range) {
      reply
        .status(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${stat.size}`)
        .header('content-length', range.end - range.start + 1)
      return reply.send(fs.createReadStream(file, { ...range, highWaterMark: READ_BUFFER }))
    }
    reply.header('content-length', stat.size)
    return reply.send(fs.createReadStream(file, { highWaterMark: READ_BUFFER }))
  })
}
