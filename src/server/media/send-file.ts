import fs from 'node:fs'
import fsp from 'node:fs/promises'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { ApiError } from '../../contract/errors'
import { parseByteRange } from './byte-range'
import { contentDisposition } from './download-name'

// Vault files never change once written: a new take is a new job id, a new export a new ETag.
const CACHE_CONTROL = 'private, max-age=31536000, immutable'
/**
 * 64 KiB reads, Node's default: larger ones (1 MiB was tried) each take fresh memory from the
 * system, so many whole-file downloads at once ran slower and held far more RSS (bench 5).
 */
const READ_BUFFER = 1 << 16

export interface SentFile {
  path: string
  contentType: string
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

/** Serves a vault file with Range, ETag and long caching: takes and exported reels alike. */
export async function sendVaultFile(request: FastifyRequest, reply: FastifyReply, file: SentFile) {
  const stat = await fsp.stat(file.path).catch(() => null)
  if (!stat) throw new ApiError('not_found', `${file.what} is missing from the vault`)
  const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`
  reply
    .header('etag', etag)
    .header('cache-control', CACHE_CONTROL)
    .header('last-modified', stat.mtime.toUTCString())
    .header('accept-ranges', 'bytes')
    .type(file.contentType)
  if (file.downloadName) reply.header('content-disposition', contentDisposition(file.downloadName))
  if (matchesEtag(request.headers['if-none-match'], etag)) return reply.status(304).send()

  const range = parseByteRange(request.headers.range, stat.size)
  if (range === 'unsatisfiable') return unsatisfiable(reply, stat.size)
  if (range) {
    reply
      .status(206)
      .header('content-range', `bytes ${range.start}-${range.end}/${stat.size}`)
      .header('content-length', range.end - range.start + 1)
    return reply.send(fs.createReadStream(file.path, { ...range, highWaterMark: READ_BUFFER }))
  }
  reply.header('content-length', stat.size)
  return reply.send(fs.createReadStream(file.path, { highWaterMark: READ_BUFFER }))
}
