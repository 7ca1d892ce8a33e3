import fs from 'node:fs'
import path from 'node:path'
import { CreateBucketCommand, DeleteBucketCommand } from '@aws-sdk/client-s3'
import { afterEach, describe, expect, it } from 'vitest'
import { healthSchema } from '../../contract/api'
import { startTestStudio, type TestStudio } from '../testing/test-studio'
import type { S3Vault } from '../vault/s3-vault'

/** /api/health answers for the database and the media storage, open even when a token is set. */
let studio: TestStudio | undefined
afterEach(async () => {
  await studio?.close()
  studio = undefined
})

async function health(s: TestStudio) {
  const reply = await s.app.inject({ method: 'GET', url: '/api/health' })
  return { status: reply.statusCode, body: healthSchema.parse(reply.json()) }
}

describe('/api/health', () => {
  it('answers 200 without the token when the database and the storage answer', async () => {
    studio = await startTestStudio({ config: { token: 'a-long-enough-test-token-4815' } })
    expect(await health(studio)).toEqual({
      status: 200,
      body: { ok: true, provider: 'simulator', database: 'up', storage: 'up' },
    })
  })

  it('answers 503 naming the storage when the vault folder is gone, and 200 once it is back', async () => {
    studio = await startTestStudio()
    const vault = path.join(studio.dataDir, 'vault')
    fs.rmSync(vault, { recursive: true })
    expect(await health(studio)).toEqual({
      status: 503,
      body: { ok: false, provider: 'simulator', database: 'up', storage: 'down' },
    })
    fs.mkdirSync(vault)
    expect((await health(studio)).status).toBe(200)
  })

  it('answers 503 naming the storage when the bucket is gone, and 200 once it is back', async () => {
    studio = await startTestStudio({ store: 's3' })
    const bucket = studio.vault as S3Vault
    await bucket.client.send(new DeleteBucketCommand({ Bucket: bucket.bucket }))
    expect(await health(studio)).toEqual({
      status: 503,
      body: { ok: false, provider: 'simulator', database: 'up', storage: 'down' },
    })
    await bucket.client.send(new CreateBucketCommand({ Bucket: bucket.bucket }))
    expect((await health(studio)).status).toBe(200)
  })

  it('answers 503 naming the database when it no longer answers', async () => {
    studio = await startTestStudio()
    await studio.db.destroy()
    expect(await health(studio)).toEqual({
      status: 503,
      body: { ok: false, provider: 'simulator', database: 'down', storage: 'up' },
    })
  })
})
