import { REVIEW_API_PREFIX } from '../../contract/links'

type Json = Record<string, unknown>

/** Fields of the contract that hold an /api path: a take's media and references, a reel's film. */
const URL_FIELDS = new Set(['url', 'video', 'thumbnail', 'spritesheet'])

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value)

const isJobId = (value: unknown): value is string => typeof value === 'string' && /^job_[A-Za-z0-9]+$/.test(value)

/** A job as the API presents it (contract Job): an id `job_…` with a cost. */
const isJob = (value: unknown): value is Json =>
  isObject(value) && typeof value.id === 'string' && value.id.startsWith('job_') && 'costUsd' in value

/**
 * A reply as a review link may see it, whatever route made it: takes outside the link's set are
 * left out of every list, the rest lose their cost, provider ids and lineage, and every /api path
 * becomes the reviewer's /r/api path (the only one their cookie is sent to).
 */
export function confineToScope(payload: unknown, jobIds: ReadonlySet<string>): unknown {
  const outside = (value: unknown) =>
    (isJob(value) && !jobIds.has(value.id as string)) || (isJobId(value) && !jobIds.has(value))
  if (Array.isArray(payload))
    return payload.filter((item) => !outside(item)).map((item) => confineToScope(item, jobIds))
  if (!isObject(payload)) return payload
  const confined: Json = {}
  for (const [key, value] of Object.entries(payload)) {
    if (typeof value === 'string' && URL_FIELDS.has(key) && value.startsWith('/api/'))
      confined[key] = `${REVIEW_API_PREFIX}${value.slice('/api'.length)}`
    // A take named outside the set (a remix's source…) is named as none.
    else confined[key] = key !== 'id' && outside(value) ? null : confineToScope(value, jobIds)
  }
  if (isJob(payload)) {
    confined.costUsd = null
    confined.upstreamId = null
    confined.providerModel = null
  }
  return confined
}
