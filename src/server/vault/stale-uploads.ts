import { AbortMultipartUploadCommand, ListMultipartUploadsCommand, S3ServiceException, type S3Client } from '@aws-sdk/client-s3'

/** An upload this old is no replica's work in progress: a video takes seconds to store. */
const STALE_MS = 60 * 60 * 1000
/** How S3-compatible servers without the listing (s3rver among them) refuse it. */
const UNSUPPORTED = new Set(['NotImplemented', 'MethodNotAllowed'])

/**
 * Aborts the multipart uploads a crash left unfinished (invisible, but billed). Only stale ones:
 * another replica may be uploading right now. A server that cannot list them (some S3-compatible
 * ones) is left to the bucket's lifecycle rule (README, Team deployment).
 */
export async function sweepStaleUploads(client: S3Client, bucket: string, now = Date.now()): Promise<number> {
  let uploads
  try {
    uploads = (await client.send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads ?? []
  } catch (error) {
    if (error instanceof S3ServiceException && UNSUPPORTED.has(error.name)) return 0
    throw error
  }
  let aborted = 0
  for (const upload of uploads) {
    if (!upload.Key || !upload.UploadId || !upload.Initiated || now - upload.Initiated.getTime() < STALE_MS) continue
    await client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: upload.Key, UploadId: upload.UploadId }))
    aborted += 1
  }
  return aborted
}
