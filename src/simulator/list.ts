import { SimError, simErrors } from './errors'
import { toResource, type VideoRecord, type VideoResource } from './video'

export interface VideoList {
  object: 'list'
  data: VideoResource[]
  first_id: string | null
  last_id: string | null
  has_more: boolean
}

type Query = Record<string, string | string[] | undefined>

function single(query: Query, name: string): string | undefined {
  const value = query[name]
  if (Array.isArray(value)) {
    throw new SimError(400, `Invalid '${name}': expected a single value.`, {
      param: name,
      code: 'invalid_value',
    })
  }
  return value
}

function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return 20
  const limit = Number(raw)
  if (!/^\d+$/.test(raw) || limit > 100) {
    throw new SimError(
      400,
      `Invalid 'limit': expected an integer between 0 and 100, but got '${raw}' instead.`,
      { param: 'limit', code: 'invalid_value' },
    )
  }
  return limit
}

/** GET /videos: newest first by default, cursor `after` = the last id of the previous page. */
export function listVideos(oldestFirst: VideoRecord[], query: Query): VideoList {
  const limit = parseLimit(single(query, 'limit'))
  const order = single(query, 'order') ?? 'desc'
  if (order !== 'asc' && order !== 'desc')
    throw simErrors.invalidValue('order', order, ['asc', 'desc'])
  const ordered = order === 'asc' ? oldestFirst : [...oldestFirst].reverse()
  const after = single(query, 'after')
  let start = 0
  if (after !== undefined && after !== '') {
    const index = ordered.findIndex((r) => r.id === after)
    if (index < 0) {
      throw new SimError(404, `Video with id '${after}' not found.`, { param: 'after' })
    }
    start = index + 1
  }
  const page = ordered.slice(start, start + limit)
  return {
    object: 'list',
    data: page.map(toResource),
    first_id: page[0]?.id ?? null,
    last_id: page[page.length - 1]?.id ?? null,
    has_more: start + limit < ordered.length,
  }
}
