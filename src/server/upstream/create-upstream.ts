import OpenAI from 'openai'
import { toUpstreamError, type CallContext, type ProviderInfo } from './errors'
import { readContent, readDeleted, readModelIds, readPage, readVideo } from './replies'
import { captureErrorBodies, requestIdOf } from './transport'
import { UpstreamError, type Upstream, type UpstreamVideo } from './types'

type LogFn = (obj: object, msg?: string) => void
/** The slice of pino the adapter uses. Entries carry video and request ids, never the key. */
export interface UpstreamLogger {
  warn: LogFn
  info: LogFn
  debug: LogFn
}

export interface UpstreamOptions {
  /** e.g. https://api.cometapi.com/v1 — the SDK appends /videos. */
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
 * The provider's Sora-style /videos API through the official SDK, in the studio's terms. Every
 * call is one request that never waits to retry: reads are retried by the watcher's schedule
 * (jobs/retry-policy.ts), create and remix never (decisions/001).
 */
export function createUpstream(opts: UpstreamOptions): Upstream {
  const log = opts.logger ?? quiet
  const capture = captureErrorBodies(opts.fetch)
  const baseURL = opts.baseURL.replace(/\/+$/, '')
  const provider: ProviderInfo = {
    baseURL,
    host: new URL(baseURL).host,
    keyName:
      opts.keyName ?? 'the API key setting (COMETAPI_KEY, OPENAI_API_KEY or DAILIES_UPSTREAM_KEY)',
    timeoutMs: opts.timeoutMs ?? 60_000,
  }
  const client = new OpenAI({
    baseURL,
    apiKey: opts.apiKey,
    // Retries are the watcher's, never the SDK's: it would retry a create too.
    maxRetries: 0,
    timeout: provider.timeoutMs,
    fetch: capture.fetch,
    logLevel: 'off',
    // Explicit nulls keep the SDK from picking up OPENAI_ORG_ID etc. from the environment.
    organization: null,
    project: null,
    webhookSecret: null,
  })

  /** One HTTP exchange: send, then read the reply; whatever is thrown leaves as an UpstreamError. */
  async function exchange<T>(
    ctx: CallContext,
    signal: AbortSignal | undefined,
    send: () => PromiseLike<Response>,
    read: (response: Response) => Promise<T>,
  ): Promise<T> {
    try {
      const response = await send()
      const result = await read(response)
      const requestId = requestIdOf(response)
      log.debug({ ...ctx, status: response.status, requestId }, `upstream ${ctx.op}`)
      return result
    } catch (error) {
      if (signal?.aborted) throw signal.reason
      const mapped = toUpstreamError(error, ctx, provider, opts.apiKey, capture.bodyOf)
      const { status, requestId, code } = mapped.details
      log.debug({ ...ctx, status, requestId, code, kind: mapped.kind }, `upstream ${ctx.op} failed`)
      throw mapped
    }
  }

  const videoReader = () => (response: Response) => readVideo(response, provider)

  return {
    async create(input, signal) {
      const ctx: CallContext = { op: 'create', model: input.model }
      // Built by hand: the SDK would name a second file `input_reference[]`, and gateways read
      // two ordered `input_reference` parts as first frame and last frame.
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
      const send = () => client.post('/videos', { body: form, signal, maxRetries: 0 }).asResponse()
      const video = await exchange(ctx, signal, send, videoReader())
      log.info({ op: 'create', videoId: video.id, model: input.model, providerModel: video.model }, 'upstream video created')
      return video
    },

    retrieve(id, signal) {
      const ctx: CallContext = { op: 'retrieve', videoId: id }
      const send = () => client.videos.retrieve(id, { signal }).asResponse()
      return exchange(ctx, signal, send, videoReader())
    },

    async remix(id, prompt, signal) {
      const ctx: CallContext = { op: 'remix', videoId: id }
      const send = () => client.videos.remix(id, { prompt }, { signal, maxRetries: 0 }).asResponse()
      const video: UpstreamVideo = await exchange(ctx, signal, send, videoReader())
      log.info({ op: 'remix', videoId: video.id, remixOf: id }, 'upstream remix created')
      // Some gateways leave the link out of their reply; we know it.
      return { ...video, remixedFromId: video.remixedFromId ?? id }
    },

    download(id, variant, signal) {
      const ctx: CallContext = { op: 'download', videoId: id, variant }
      const send = () => client.videos.downloadContent(id, { variant }, { signal }).asResponse()
      const read = (response: Response) => readContent(response, provider, variant)
      return exchange(ctx, signal, send, read)
    },

    list(params, signal) {
      const ctx: CallContext = { op: 'list', videoId: params.after }
      const query = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined))
      const send = () => client.videos.list(query, { signal }).asResponse()
      const read = (response: Response) =>
        readPage(response, provider, () => log.warn(ctx, 'skipped an unreadable upstream video'))
      return exchange(ctx, signal, send, read)
    },

    delete(id, signal) {
      const ctx: CallContext = { op: 'delete', videoId: id }
      const send = () => client.videos.delete(id, { signal }).asResponse()
      const read = (response: Response) => readDeleted(response, provider, id)
      return exchange(ctx, signal, send, read).then(() => {
        log.info({ op: 'delete', videoId: id }, 'upstream video deleted')
      })
    },

    async listModels(signal) {
      const ctx: CallContext = { op: 'models' }
      const send = () => client.get('/models', { signal, maxRetries: 0 }).asResponse()
      try {
        return await exchange(ctx, signal, send, (response) => readModelIds(response, provider))
      } catch (error) {
        // No such endpoint on this provider: it simply has not said.
        if (error instanceof UpstreamError && [404, 405, 501].includes(error.details.status ?? 0)) return null
        throw error
      }
    },
  }
}
