import fsp from 'node:fs/promises'
import fs from 'node:fs'
import { pipeline, type Readable } from 'node:stream'
import {
  CopyObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3'
import { Upload } from '@aws-sdk/lib-storage'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import type { S3Settings } from '../config'
import type { ReadRange } from '../media/byte-range'
import { ByteCounter } from './byte-counter'
import { sweepStaleUploads } from './stale-uploads'
import { TempFolder } from './temp-folder'
import { ASSET_NAMES, ASSETS, type AssetName, type OpenedMedia, type StoredMedia, type Vault, ownerIdSchema } from './vault'

/**
 * S3's smallest multipart part, and one part in flight at a time: an upload holds at most about
 * 5 MiB in memory, whatever the video's size.
 */
const PART_BYTES = 5 * 1024 * 1024
/** How long a presigned URL for ffmpeg lives: a frame takes seconds, a reel export minutes. */
const FFMPEG_URL_SECONDS = 15 * 60

const isMissing = (error: unknown) =>
  error instanceof S3ServiceException && (error.name === 'NotFound' || error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404)

export function s3Client(settings: S3Settings): S3Client {
  return new S3Client({
    region: settings.region,
    // S3-compatible servers (MinIO, Ceph, s3rver…) answer on one host, so the bucket goes in the
    // path; many cannot read the SDK's newer streamed-checksum trailers, so checksums only where S3
    // requires them.
    ...(settings.endpoint
      ? {
          endpoint: settings.endpoint,
          forcePathStyle: true,
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
        }
      : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
  })
}

/**
 * Job files as objects `<jobId>/<file>` in one bucket. S3 shows an object only once its upload
 * is complete (a single PUT, or a multipart upload's last step), so every write lands whole or
 * not at all without temp keys; what a crash leaves is an unfinished multipart upload, which is
 * invisible and which sweepTemp aborts.
 */
export class S3Vault implements Vault {
  readonly client: S3Client
  private readonly temp: TempFolder

  constructor(
    readonly settings: S3Settings,
    /** A local folder for uploads on their way in and frames ffmpeg writes. */
    tempDir: string,
  ) {
    this.client = s3Client(settings)
    this.temp = new TempFolder(tempDir)
  }

  get bucket(): string {
    return this.settings.bucket
  }

  keyOf(jobId: string, asset: AssetName): string {
    return `${ownerIdSchema.parse(jobId)}/${ASSETS[asset].file}`
  }

  async writeStream(jobId: string, asset: AssetName, body: Readable, expectedBytes: number | null): Promise<number> {
    const counter = new ByteCounter(asset, expectedBytes)
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: this.keyOf(jobId, asset), Body: pipeline(body, counter, () => {}), ContentType: ASSETS[asset].contentType },
      partSize: PART_BYTES,
      queueSize: 1,
    })
    try {
      await upload.done()
      return counter.bytes
    } catch (error) {
      // The stream's own failure is the news; aborting the upload may fail on top of it.
      throw counter.failure ?? error
    }
  }

  async writeFile(jobId: string, asset: AssetName, data: Buffer | string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: this.keyOf(jobId, asset), Body: data, ContentType: ASSETS[asset].contentType }),
    )
  }

  async copy(fromJob: string, toJob: string, asset: AssetName): Promise<void> {
    await this.client.send(
      new CopyObjectCommand({ Bucket: this.bucket, Key: this.keyOf(toJob, asset), CopySource: `${this.bucket}/${this.keyOf(fromJob, asset)}` }),
    )
  }

  async read(jobId: string, asset: AssetName): Promise<Buffer> {
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(jobId, asset) }))
    if (!object.Body) throw new Error(`${this.keyOf(jobId, asset)}: the bucket sent no body`)
    return Buffer.from(await object.Body.transformToByteArray())
  }

  async has(jobId: string, asset: AssetName): Promise<boolean> {
    return (await this.stat(jobId, asset)) !== null
  }

  async stat(jobId: string, asset: AssetName): Promise<StoredMedia | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.keyOf(jobId, asset) }))
      return { size: head.ContentLength ?? 0, etag: head.ETag ?? '""', lastModified: head.LastModified ?? new Date(0) }
    } catch (error) {
      if (isMissing(error)) return null
      throw error
    }
  }

  async openRead(jobId: string, asset: AssetName, range?: ReadRange): Promise<OpenedMedia> {
    const object = await this.client.send(
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: this.keyOf(jobId, asset),
        ...(range ? { Range: `bytes=${range.start}-${range.end ?? ''}` } : {}),
      }),
    )
    // A range's reply gives the whole object's size after the slash of its Content-Range.
    const total = /\/(\d+)$/.exec(object.ContentRange ?? '')?.[1]
    return {
      // In Node the SDK's body is an http.IncomingMessage, a Readable.
      body: object.Body as Readable,
      file: {
        size: total ? Number(total) : (object.ContentLength ?? 0),
        etag: object.ETag ?? '""',
        lastModified: object.LastModified ?? new Date(0),
      },
    }
  }

  ffmpegInput(jobId: string, asset: AssetName): Promise<string> {
    const command = new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(jobId, asset) })
    return getSignedUrl(this.client, command, { expiresIn: FFMPEG_URL_SECONDS })
  }

  async removeAssets(jobId: string, assets: readonly AssetName[]): Promise<void> {
    if (assets.length === 0) return
    const result = await this.client.send(
      new DeleteObjectsCommand({
        Bucket: this.bucket,
        Delete: { Objects: assets.map((asset) => ({ Key: this.keyOf(jobId, asset) })), Quiet: true },
      }),
    )
    const failed = result.Errors?.[0]
    if (failed) throw new Error(`Could not delete ${failed.Key ?? '?'} from the bucket: ${failed.Code ?? ''} ${failed.Message ?? ''}`)
  }

  /** Deletes every name a job can have (deleting a missing object succeeds), with no listing. */
  remove(jobId: string): Promise<void> {
    return this.removeAssets(jobId, ASSET_NAMES)
  }

  async keys(): Promise<string[]> {
    const keys: string[] = []
    let token: string | undefined
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, ContinuationToken: token }))
      for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key)
      token = page.IsTruncated ? page.NextContinuationToken : undefined
    } while (token)
    return keys.sort()
  }

  tempPath(label: string): string {
    return this.temp.path(label)
  }

  receive(body: Readable, label: string): Promise<string> {
    return this.temp.receive(body, label)
  }

  async adopt(tempFile: string, jobId: string, asset: AssetName): Promise<void> {
    const { size } = await fsp.stat(tempFile)
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: this.keyOf(jobId, asset),
        Body: fs.createReadStream(tempFile),
        ContentLength: size,
        ContentType: ASSETS[asset].contentType,
      }),
    )
    await this.temp.remove(tempFile)
  }

  removeTemp(tempFile: string): Promise<void> {
    return this.temp.remove(tempFile)
  }

  async sweepTemp(): Promise<void> {
    await this.temp.sweep()
    await sweepStaleUploads(this.client, this.bucket)
  }

  async reachable(): Promise<boolean> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }), { abortSignal: AbortSignal.timeout(3000) })
      return true
    } catch {
      return false
    }
  }
}
