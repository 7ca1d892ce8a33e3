import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from '../../lib/zod'
import { ApiError } from '../../contract/errors'
import { downloadName } from '../media/download-name'
import { sendVaultFile } from '../media/send-file'
import type { JobService } from '../jobs/job-service'
import type { JobRecord } from '../store/job-record'
import type { Vault } from '../vault/vault'
import { parseJobId } from './jobs'
import { ROUTE_SCHEMAS } from './route-schemas'

const servedAssetSchema = z.enum(['video', 'thumbnail', 'still', 'spritesheet', 'reference', 'last-frame'])
type ServedAsset = z.infer<typeof servedAssetSchema>

const EXTENSIONS: Record<ServedAsset, string> = { video: 'mp4', thumbnail: 'webp', still: 'webp', spritesheet: 'jpg', reference: 'png', 'last-frame': 'png' }

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
  if (asset === 'still' && !job.still) throw new ApiError('not_found', 'This take has no still: its tile shows the thumbnail')
}

export function mediaRoutes(app: FastifyInstance, deps: { jobs: JobService; vault: Vault }): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/jobs/:id/:asset', { schema: ROUTE_SCHEMAS.media }, async (request, reply) => {
    const id = parseJobId(request.params)
    const asset = servedAssetSchema.safeParse(request.params.asset)
    if (!asset.success) throw new ApiError('not_found', 'No such media')
    const { download } = request.query
    const job = await deps.jobs.get(id)
    assertAvailable(job, asset.data)

    return sendVaultFile(request, reply, {
      vault: deps.vault,
      owner: id,
      asset: asset.data,
      what: `The ${asset.data} of this job`,
      downloadName: download === '1' ? downloadName(job, EXTENSIONS[asset.data]) : null,
    })
  })
}
