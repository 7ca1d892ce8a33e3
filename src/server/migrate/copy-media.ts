import fs from 'node:fs'
import type { Readable } from 'node:stream'
import { GetObjectCommand, HeadObjectCommand, S3ServiceException, type S3Client } from '@aws-sdk/client-s3'
import { Upload } from '@aws-sdk/lib-storage'
import { sha256Of, sha256OfFile, type VaultFile } from './vault-files'

/** The checksum each copied object carries (x-amz-meta-sha256), so a resumed copy knows it. */
const CHECKSUM_KEY = 'sha256'
const PART_BYTES = 5 * 1024 * 1024
const PARALLEL_FILES = 8

export interface Bucket {
  client: S3Client
  name: string
}

export interface CopyReport {
  copied: number
  /** Already in the bucket with the same checksum (an earlier, interrupted run). */
  alreadyThere: number
}

export interface VerifyReport {
  verified: number
  /** Keys whose object is missing or whose bytes do not hash to the source file's. */
  mismatched: string[]
}

async function storedChecksum(bucket: Bucket, file: VaultFile): Promise<string | null> {
  try {
    const head = await bucket.client.send(new HeadObjectCommand({ Bucket: bucket.name, Key: file.key }))
    return head.ContentLength === file.size ? (head.Metadata?.[CHECKSUM_KEY] ?? null) : null
  } catch (error) {
    if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return null
    throw error
  }
}

/** Runs `work` on every item, `parallel` at a time, in order of the list. */
async function eachParallel<T>(items: readonly T[], parallel: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T)
  }
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker))
}

/**
 * Copies vault files into the bucket under the same keys. Resumable and idempotent: a file whose
 * object is already there with the same SHA-256 is left alone, any other is uploaded (S3 shows an
 * object only once its upload is complete, so an interrupted run leaves no half object) and a key
 * is only ever written once per content, so nothing is duplicated.
 */
export async function copyMedia(
  files: readonly VaultFile[],
  bucket: Bucket,
  onFile: (file: VaultFile, outcome: 'copied' | 'already there') => void = () => {},
): Promise<CopyReport> {
  const report: CopyReport = { copied: 0, alreadyThere: 0 }
  await eachParallel(files, PARALLEL_FILES, async (file) => {
    const checksum = await sha256OfFile(file.path)
    if ((await storedChecksum(bucket, file)) === checksum) {
      report.alreadyThere += 1
      onFile(file, 'already there')
      return
    }
    const upload = new Upload({
      client: bucket.client,
      params: {
        Bucket: bucket.name,
        Key: file.key,
        Body: fs.createReadStream(file.path),
        ContentType: file.contentType,
        Metadata: { [CHECKSUM_KEY]: checksum },
      },
      partSize: PART_BYTES,
      queueSize: 1,
    })
    await upload.done()
    report.copied += 1
    onFile(file, 'copied')
  })
  return report
}

/** Reads every object back from the bucket and checks its SHA-256 against the source file's. */
export async function verifyMedia(files: readonly VaultFile[], bucket: Bucket): Promise<VerifyReport> {
  const report: VerifyReport = { verified: 0, mismatched: [] }
  await eachParallel(files, PARALLEL_FILES, async (file) => {
    const expected = await sha256OfFile(file.path)
    const object = await bucket.client.send(new GetObjectCommand({ Bucket: bucket.name, Key: file.key })).catch(() => null)
    const actual = object?.Body ? await sha256Of(object.Body as Readable) : null
    if (actual === expected) report.verified += 1
    else report.mismatched.push(file.key)
  })
  report.mismatched.sort()
  return report
}
