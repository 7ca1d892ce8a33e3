import type { FastifyReply, FastifyRequest } from 'fastify'
import { ApiError } from '../../contract/errors'
import { ASSETS, type AssetName, type Vault } from '../vault/vault'
import { bytesBeforeSize, parseByteRange } from './byte-range'
import { contentDisposition } from './download-name'

// Vault files never change once written: a new take is a new job id, a new export a new ETag.
const CACHE_CONTROL = 'private, max-age=31536000, immutable'
export interface SentFile {
  vault: Vault
  /** The job or reel id the file belongs to. */
  owner: string
  asset: AssetName
  /** What the file is, for the 404 when it is missing ("The video of this job"). */
  what: string
  /** With a name, the reply is a download under it (Content-Disposition). */
  downloadName: string | null
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

/**
 * Serves a vault file with Range, ETag and long caching: takes and exported reels alike, from the
 * folder or streamed from the bucket (docs/decisions/005-media-delivery.md).
 */
export async function sendVaultFile(request: FastifyRequest, reply: FastifyReply, file: SentFile) {
  const { vault, owner, asset } = file
  // Bytes that do not depend on the size (the whole file, a range from a given byte), with nothing to
  // revalidate, are one read: its reply carries the file's size and ETag, so a bucket is asked
  // once instead of twice. Should it fail (a missing file, a range beyond the end), the file is
  // looked at first, as for every other request, which says why.
  const wanted = request.headers['if-none-match'] ? null : bytesBeforeSize(request.headers.range)
  const opened = wanted ? await vault.openRead(owner, asset, wanted.range).catch(() => null) : null
  const stat = opened?.file ?? (await vault.stat(owner, asset))
  if (!stat) throw new ApiError('not_found', `${file.what} is missing from the vault`)
  const { etag } = stat
  reply
    .header('etag', etag)
    .header('cache-control', CACHE_CONTROL)
    .header('last-modified', stat.lastModified.toUTCString())
    .header('accept-ranges', 'bytes')
    .type(ASSETS[asset].contentType)
  if (file.downloadName) reply.header('content-disposition', contentDisposition(file.downloadName))
  if (matchesEtag(request.headers['if-none-match'], etag)) return reply.status(304).send()

  const range = parseByteRange(request.headers.range, stat.size)
  if (range === 'unsatisfiable') {
    opened?.body.destroy()
    return unsatisfiable(reply, stat.size)
  }
  if (range) {
    reply
      .status(206)
      .header('content-range', `bytes ${range.start}-${range.end}/${stat.size}`)
      .header('content-length', range.end - range.start + 1)
    // The range as read, to or cut at the file's end by the vault as here: the same bytes.
    return reply.send(opened?.body ?? (await vault.openRead(owner, asset, range)).body)
  }
  reply.header('content-length', stat.size)
  return reply.send(opened?.body ?? (await vault.openRead(owner, asset)).body)
}
