import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { sizeDimensions } from '../../contract/size-dimensions'
import { ApiError } from '../../contract/errors'
import type { ModelCatalog } from '../catalog/model-catalog'
import { extractFrame } from '../media/frame'
import type { JobService } from '../jobs/job-service'
import type { Vault } from '../vault/vault'
import { parseJobId } from './jobs'
import { ROUTE_SCHEMAS } from './route-schemas'

/** GET /api/jobs/:id/frame?t= — one frame of a finished take as PNG, by default its last. */
function pixelsOf(size: string): { width: number; height: number } {
  const { width, height } = sizeDimensions(size)
  if (width >= 64 && height >= 64) return { width, height }
  return width >= height
    ? { width: 1280, height: Math.round((1280 * height) / width / 2) * 2 }
    : { width: Math.round((1280 * width) / height / 2) * 2, height: 1280 }
}

export function frameRoutes(
  app: FastifyInstance,
  deps: { jobs: JobService; vault: Vault; ffmpegPath: string; catalog: ModelCatalog },
): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get('/api/jobs/:id/frame', { schema: ROUTE_SCHEMAS.frame }, async (request, reply) => {
      const id = parseJobId(request.params)
      const { t } = request.query
      const job = await deps.jobs.get(id)
      if (job.status !== 'completed')
        throw new ApiError('conflict', 'This take is not finished yet')
      // Same answer as the video route when the file is gone, not ffmpeg's failure as a 500.
      if (!(await deps.vault.has(id, 'video')))
        throw new ApiError('not_found', 'The video is missing from the vault')
      const video = await deps.vault.ffmpegInput(id, 'video')
      const png = await extractFrame(deps.ffmpegPath, video, deps.vault.tempPath('frame'), {
        at: t ?? null,
        durationSeconds: job.seconds,
        // An orientation hint (`16x9`) of a model no longer in the catalog: the pixels of 720p.
        ...(deps.catalog.dimensionsOf(job.model, job.size) ?? pixelsOf(job.size)),
      })
      return reply.type('image/png').header('cache-control', 'private, max-age=3600').send(png)
    })
}
