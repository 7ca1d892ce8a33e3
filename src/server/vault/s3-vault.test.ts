import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startS3Server, type TestS3Server } from '../testing/s3-server'
import { S3Vault } from './s3-vault'

const JOB = 'job_s3vaulttest001'
let server: TestS3Server
let tempDir: string
let vault: S3Vault

beforeAll(async () => {
  server = await startS3Server()
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-s3vault-'))
  vault = new S3Vault(server.settings, tempDir)
})
afterAll(async () => {
  await server.close()
  fs.rmSync(tempDir, { recursive: true, force: true })
})

/** A download that arrives in 64 KiB chunks, as from a socket: never one buffer. */
function trickle(bytes: Buffer): Readable {
  let offset = 0
  return new Readable({
    read() {
      this.push(offset < bytes.length ? bytes.subarray(offset, (offset += 1 << 16)) : null)
    },
  })
}

describe('S3 vault', () => {
  it('streams a large file as a multipart upload, in 5 MiB parts', async () => {
    const sent: string[] = []
    vault.client.middlewareStack.add(
      (next, context) => (args) => {
        sent.push(context.commandName ?? '?')
        return next(args)
      },
      { step: 'initialize', name: 'countCommands' },
    )
    const bytes = Buffer.alloc(11 * 1024 * 1024, 3)
    try {
      await vault.writeStream(JOB, 'video', trickle(bytes), bytes.length)
    } finally {
      vault.client.middlewareStack.remove('countCommands')
    }
    expect(sent).toEqual([
      'CreateMultipartUploadCommand',
      'UploadPartCommand',
      'UploadPartCommand',
      'UploadPartCommand',
      'CompleteMultipartUploadCommand',
    ])
    expect((await vault.read(JOB, 'video')).equals(bytes)).toBe(true)
  })

  it('hands ffmpeg a short-lived presigned URL that works without the keys', async () => {
    await vault.writeFile(JOB, 'thumbnail', 'webp bytes')
    const url = new URL(await vault.ffmpegInput(JOB, 'thumbnail'))
    expect(url.pathname).toBe(`/${server.settings.bucket}/${JOB}/thumbnail.webp`)
    expect(Number(url.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(15 * 60)
    const reply = await fetch(url)
    expect(await reply.text()).toBe('webp bytes')
  })

  it('says when the bucket cannot be reached', async () => {
    const elsewhere = new S3Vault({ ...server.settings, bucket: 'no-such-bucket' }, tempDir)
    expect(await elsewhere.reachable()).toBe(false)
    const down = new S3Vault({ ...server.settings, endpoint: 'http://127.0.0.1:9' }, tempDir)
    expect(await down.reachable()).toBe(false)
    expect(await vault.reachable()).toBe(true)
  })
})
