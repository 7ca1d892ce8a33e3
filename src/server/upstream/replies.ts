import { Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import { badReply, webPageError, type ProviderInfo } from './errors'
import { looksLikeHtml } from './fault'
import {
  UpstreamError,
  type ContentVariant,
  type UpstreamVideo,
  type VideoContent,
  type VideoPage,
} from './types'
import {
  toUpstreamVideo,
  toVideoPage,
  wireDeleted,
  wireModelList,
  wireVideo,
  wireVideoList,
} from './wire'

/** Readers of successful replies: each throws an UpstreamError when the reply is not what it should be. */

export const requestIdOf = (response: Response): string | undefined =>
  response.headers.get('x-request-id') ?? undefined

/**
 * The JSON body of a successful reply, or a bad_response error saying what came instead.
 * Content-Type is not trusted either way: some gateways label JSON as text/plain.
 */
async function readJson(response: Response, p: ProviderInfo): Promise<unknown> {
  const body = await response.text()
  const requestId = requestIdOf(response)
  if (looksLikeHtml(body, response.headers.get('content-type'))) {
    throw webPageError(p, response.status, requestId)
  }
  if (body.trim() === '') return null
  try {
    return JSON.parse(body)
  } catch {
    throw badReply(p, response.status, 'was not JSON', { requestId })
  }
}

export async function readVideo(response: Response, p: ProviderInfo): Promise<UpstreamVideo> {
  const parsed = wireVideo.safeParse(await readJson(response, p))
  if (!parsed.success) {
    throw badReply(p, response.status, 'was not a video object', {
      requestId: requestIdOf(response),
    })
  }
  return toUpstreamVideo(parsed.data)
}

/** The ids of GET /models; a reply without a `data` list is not a model list. */
export async function readModelIds(response: Response, p: ProviderInfo): Promise<string[]> {
  const parsed = wireModelList.safeParse(await readJson(response, p))
  if (!parsed.success) {
    throw badReply(p, response.status, 'was not a list of models', {
      requestId: requestIdOf(response),
    })
  }
  return parsed.data.data
}

export async function readPage(
  response: Response,
  p: ProviderInfo,
  onUnreadable: (item: unknown) => void,
): Promise<VideoPage> {
  const parsed = wireVideoList.safeParse(await readJson(response, p))
  if (!parsed.success) {
    throw badReply(p, response.status, 'was not a list of videos', {
      requestId: requestIdOf(response),
    })
  }
  const videos: UpstreamVideo[] = []
  for (const item of parsed.data.data) {
    const one = wireVideo.safeParse(item)
    if (one.success) videos.push(toUpstreamVideo(one.data))
    else onUnreadable(item)
  }
  return toVideoPage(parsed.data, videos)
}

/** Any 2xx deletes, whatever its body, unless the body says `deleted: false`. */
export async function readDeleted(response: Response, p: ProviderInfo, id: string): Promise<void> {
  const parsed = wireDeleted.safeParse(await readJson(response, p))
  if (parsed.success && parsed.data.deleted === false) {
    throw new UpstreamError('conflict', `The provider did not delete video ${id}.`, {
      status: response.status,
      requestId: requestIdOf(response),
    })
  }
}

/** The file as a Node stream, never buffered; a page or JSON where bytes belong is refused. */
export async function readContent(
  response: Response,
  p: ProviderInfo,
  variant: ContentVariant,
): Promise<VideoContent> {
  const contentType = response.headers.get('content-type')
  const requestId = requestIdOf(response)
  if (/html/i.test(contentType ?? '')) {
    await response.body?.cancel()
    throw webPageError(p, response.status, requestId)
  }
  if (/json/i.test(contentType ?? '') || !response.body) {
    await response.body?.cancel()
    throw badReply(p, response.status, `held no ${variant} file`, { requestId })
  }
  // fetch decodes gzip/br on the fly; Content-Length then counts the compressed bytes.
  const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity'
  const length = Number.parseInt(response.headers.get('content-length') ?? '', 10)
  return {
    // The DOM and node:stream/web ReadableStream types differ only nominally.
    body: Readable.fromWeb(response.body as unknown as NodeReadableStream<Uint8Array>),
    contentType,
    contentLength: !encoded && Number.isFinite(length) ? length : null,
  }
}
