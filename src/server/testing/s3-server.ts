import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import S3rver from 's3rver'
import type { S3Settings } from '../config'

export interface TestS3Server {
  /** What DAILIES_S3_* and the AWS keys would say, pointing at this server's bucket. */
  settings: S3Settings
  /** The folder s3rver keeps the bucket in (removed by close). */
  directory: string
  close(): Promise<void>
}

/** s3rver's one account: it checks every request's signature against these keys. */
const S3RVER_KEYS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }

/**
 * A real S3-compatible server (s3rver: multipart upload, CopyObject, DeleteObjects, Range GET,
 * presigned URLs and their expiry) on a free port and a temp folder, with one empty bucket.
 * Tests start their own and close it. What s3rver does not do: check SigV4 signatures (it
 * parses them), abort or list unfinished multipart uploads.
 */
export async function startS3Server(bucket = 'dailies-test'): Promise<TestS3Server> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-s3-'))
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  })
  const { port } = await server.run()
  return {
    settings: {
      endpoint: `http://127.0.0.1:${port}`,
      bucket,
      region: 'us-east-1',
      credentials: S3RVER_KEYS,
    },
    directory,
    async close() {
      await server.close()
      fs.rmSync(directory, { recursive: true, force: true })
    },
  }
}
