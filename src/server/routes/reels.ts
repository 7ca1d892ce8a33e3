import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { ApiError } from '../../contract/errors'
import { jobIdSchema } from '../../contract/job'
import { reelIdSchema, type ReelDetail, type ReelList } from '../../contract/reels'
import { reelDownloadName } from '../media/download-name'
import { sendVaultFile } from '../media/send-file'
import { presentReel, presentReelDetail } from '../reels/present'
import type { ReelRecord } from '../reels/reel-record'
import type { ReelExporter } from '../reels/reel-exporter'
import type { ReelService } from '../reels/reel-service'
import type { Vault } from '../vault/vault'
import { ROUTE_SCHEMAS } from './route-schemas'

export interface ReelRoutesDeps {
  reels: ReelService
  reelExporter: ReelExporter
  vault: Vault
}

export function parseReelId(params: unknown): string {
  const id = (params as { id?: unknown }).id
  const parsed = reelIdSchema.safeParse(id)
  if (!parsed.success) throw new ApiError('not_found', `Reel ${String(id)} does not exist`)
  return parsed.data
}

export function reelRoutes(fastify: FastifyInstance, { reels, reelExporter, vault }: ReelRoutesDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const detail = async (reel: ReelRecord): Promise<ReelDetail> => presentReelDetail(reel, await reels.takesOf(reel))

  app.get('/api/reels', { schema: ROUTE_SCHEMAS.listReels }, async (): Promise<ReelList> => ({
    items: (await reels.list()).map(presentReel),
  }))

  app.post('/api/reels', { schema: ROUTE_SCHEMAS.createReel }, async (request, reply) => {
    return reply.status(201).send(await detail(await reels.create(request.body)))
  })

  app.get('/api/reels/:id', { schema: ROUTE_SCHEMAS.getReel }, async (request) =>
    detail(await reels.get(parseReelId(request.params))),
  )

  app.patch('/api/reels/:id', { schema: ROUTE_SCHEMAS.renameReel }, async (request) =>
    detail(await reels.rename(parseReelId(request.params), request.body.name)),
  )

  app.put('/api/reels/:id/shots', { schema: ROUTE_SCHEMAS.reorderReel }, async (request) =>
    detail(await reels.reorder(parseReelId(request.params), request.body.jobIds)),
  )

  app.delete('/api/reels/:id/shots/:jobId', { schema: ROUTE_SCHEMAS.removeReelShot }, async (request) => {
    const jobId = jobIdSchema.safeParse(request.params.jobId)
    if (!jobId.success) throw new ApiError('not_found', `Take ${request.params.jobId} is not in this reel`)
    return detail(await reels.removeShot(parseReelId(request.params), jobId.data))
  })

  app.delete('/api/reels/:id', { schema: ROUTE_SCHEMAS.deleteReel }, async (request, reply) => {
    await reels.delete(parseReelId(request.params))
    return reply.status(204).send(null)
  })

  app.post('/api/reels/:id/export', { schema: ROUTE_SCHEMAS.exportReel }, async (request, reply) => {
    const reel = await reelExporter.start(parseReelId(request.params), request.body)
    return reply.status(202).send(await detail(reel))
  })

  app.get('/api/reels/:id/video', { schema: ROUTE_SCHEMAS.reelVideo }, async (request, reply) => {
    const reel = await reels.get(parseReelId(request.params))
    if (reel.export?.status !== 'completed') {
      throw new ApiError('not_found', reel.export ? 'The export of this reel is not finished' : 'This reel has not been exported')
    }
    return sendVaultFile(request, reply, {
      vault,
      owner: reel.id,
      asset: 'reel-export',
      what: 'The exported film of this reel',
      downloadName: request.query.download === '1' ? reelDownloadName(reel) : null,
    })
  })
}
