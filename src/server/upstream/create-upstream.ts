import { toUpstreamError, type CallContext, type ProviderInfo } from './errors'
import { readContent, readDeleted, readModelIds, readPage, readVideo, requestIdOf } from './replies'
import { createTransport, type ProviderRequest } from './transport'
import { UpstreamError, type Upstream, type UpstreamVideo } from './types'

type LogFn = (obj: object, msg?: string) => void
/** The slice of pino the adapter uses. Entries carry video and request ids, never the key. */
export interface UpstreamLogger {
  warn: LogFn
  info: LogFn
  debug: LogFn
}

export interface UpstreamOptions {
  /** e.g. https://api.cometapi.com/v1 — the adapter appends /videos. */
  baseURL: string
  apiKey: string
  logger?: UpstreamLogger
  fetch?: typeof fetch
  /** How long to wait for a reply's headers (default 60 s); downloads then stream unhurried. */
  timeoutMs?: number
  /** The setting that holds the key, named in auth errors (e.g. 'COMETAPI_KEY'). */
  keyName?: string
}

const quiet: UpstreamLogger = { warn: () => {}, info: () => {}, debug: () => {} }

/**
 * The provider's Sora-style /videos API over plain HTTP (decisions/002), in the studio's terms.
 * Every call is one request that never waits to retry: reads are retried by the watcher's
 * schedule (jobs/retry-policy.ts), create and remix never (decisions/001).
 */
export function createUpstream(opts: UpstreamOptions): Upstream {
  const log = opts.logger ?? quiet
  const baseURL = opts.baseURL.replace(/\/+$/, '')
  const provider: ProviderInfo = {
    baseURL,
    host: new URL(baseURL).host,
    keyName:
      opts.keyName ?? 'the API key setting (COMETAPI_KEY, OPENAI_API_KEY or DAILIES_UPSTREAM_KEY)',
    timeoutMs: opts.timeoutMs ?? 60_000,
  }
  const transport = createTransport({
    baseURL,
    apiKey: opts.apiKey,
    timeoutMs: provider.timeoutMs,
    fetch: opts.fetch,
  })

  /** One HTTP exchange: send, then read the reply; whatever is thrown leaves as an UpstreamError. */
  async function exchange<T>(
    ctx: CallContext,
    request: ProviderRequest,
    signal: AbortSignal | undefined,
    read: (response: Response) => Promise<T>,
  ): Promise<T> {
    try {
      let requestId: string | undefined
      let status = 0
      const result = await transport(request, signal, (response) => {
        requestId = requestIdOf(response)
        status = response.status
        return read(response)
      })
      log.debug({ ...ctx, status, requestId }, `upstream ${ctx.op}`)
      return result
    } catch (error) {
      if (signal?.aborted) throw signal.reason
      const mapped = toUpstreamError(error, ctx, provider, opts.apiKey)
      const { status, requestId, code } = mapped.details
      log.debug({ ...ctx, status, requestId, code, kind: mapped.kind }, `upstream ${ctx.op} failed`)
      throw mapped
    }
  }

  const video = (id: string) => `/videos/${encodeURIComponent(id)}`
  const videoReader = () => (response: Response) => readVideo(response, provider)

  return {
    async create(input, signal) {
      const ctx: CallContext = { op: 'create', model: input.model }
      // Gateways read two ordered `input_reference` parts as first frame and last frame.
      const form = new FormData()
      form.append('prompt', input.prompt)
      form.append('model', input.model)
      form.append('size', input.size)
      // A string on the wire: providers refuse `seconds` sent as a number.
      if (input.seconds != null) form.append('seconds', String(input.seconds))
      for (const reference of input.references ?? []) {
        const blob = new Blob([new Uint8Array(reference.bytes)], { type: reference.contentType })
        form.append('input_reference', blob, reference.filename)
      }
      const request: ProviderRequest = { method: 'POST', path: '/videos', body: form }
      const created = await exchange(ctx, request, signal, videoReader())
      log.info(
        { op: 'create', videoId: created.id, model: input.model, providerModel: created.model },
        'upstream video created',
      )
      return created
    },

    retrieve(id, signal) {
      const ctx: CallContext = { op: 'retrieve', videoId: id }
      return exchange(ctx, { method: 'GET', path: video(id) }, signal, videoReader())
    },

    async remix(id, prompt, signal) {
      const ctx: CallContext = { op: 'remix', videoId: id }
      const request: ProviderRequest = {
        method: 'POST',
        path: `${video(id)}/remix`,
        body: { prompt },
      }
      const remixed: UpstreamVideo = await exchange(ctx, request, signal, videoReader())
      log.info({ op: 'remix', videoId: remixed.id, remixOf: id }, 'upstream remix created')
      // Some gateways leave the link out of their reply; we know it.
      return { ...remixed, remixedFromId: remixed.remixedFromId ?? id }
    },

    download(id, variant, signal) {
      const ctx: CallContext = { op: 'download', videoId: id, variant }
      const request: ProviderRequest = {
        method: 'GET',
        path: `${video(id)}/content`,
        query: { variant },
        accept: 'file',
      }
      const read = (response: Response) => readContent(response, provider, variant)
      return exchange(ctx, request, signal, read)
    },

    list(params, signal) {
      const ctx: CallContext = { op: 'list', videoId: params.after }
      const read = (response: Response) =>
        readPage(response, provider, () => log.warn(ctx, 'skipped an unreadable upstream video'))
      return exchange(ctx, { method: 'GET', path: '/videos', query: params }, signal, read)
    },

    delete(id, signal) {
      const ctx: CallContext = { op: 'delete', videoId: id }
      const read = (response: Response) => readDeleted(response, provider, id)
      return exchange(ctx, { method: 'DELETE', path: video(id) }, signal, read).then(() => {
        log.info({ op: 'delete', videoId: id }, 'upstream video deleted')
      })
    },

    async listModels(signal) {
      const ctx: CallContext = { op: 'models' }
      try {
        const read = (response: Response) => readModelIds(response, provider)
        return await exchange(ctx, { method: 'GET', path: '/models' }, signal, read)
      } catch (error) {
        // No such endpoint on this provider: it simply has not said.
        if (error instanceof UpstreamError && [404, 405, 501].includes(error.details.status ?? 0))
          return null
        throw error
      }
    },
  }
}
