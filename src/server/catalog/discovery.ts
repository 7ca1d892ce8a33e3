import type { FastifyBaseLogger } from 'fastify'
import type { Upstream } from '../upstream/types'
import type { ModelCatalog } from './model-catalog'

/**
 * Asks the provider which models it serves (GET /models) and tells the catalog. Runs beside the
 * start, never before it: a provider without the endpoint, or one that fails, changes nothing.
 */
export async function discoverModels(
  upstream: Upstream,
  catalog: ModelCatalog,
  log: Pick<FastifyBaseLogger, 'info' | 'warn'>,
  signal?: AbortSignal,
): Promise<void> {
  try {
    const ids = await upstream.listModels(signal)
    catalog.setDiscovered(ids)
    if (ids === null)
      log.info('the provider has no model list; every current catalog model is offered')
    else log.info({ listed: ids.length }, 'provider model list read')
  } catch (error) {
    if (signal?.aborted) return
    catalog.setDiscovered(null)
    log.warn(
      { err: error },
      'could not read the provider’s model list; every current catalog model is offered',
    )
  }
}
