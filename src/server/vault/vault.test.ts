import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { text } from 'node:stream/consumers'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startS3Server } from '../testing/s3-server'
import { MEDIA_STORES, type MediaStoreKind } from '../testing/test-studio'
import { FolderVault } from './folder-vault'
import { S3Vault } from './s3-vault'
import { IncompleteDownloadError, type Vault } from './vault'

const JOB = 'job_vaulttest0001'

interface Opened {
  vault: Vault
  /** Local temp files left behind (uploads, downloads on their way in). */
  leftovers(): string[]
  close(): Promise<void>
}

async function openVault(kind: MediaStoreKind): Promise<Opened> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-vault-'))
  const s3 = kind === 's3' ? await startS3Server() : null
  const vault = s3 ? new S3Vault(s3.settings, path.join(dir, 'tmp')) : new FolderVault(dir)
  const tempDir = s3 ? path.join(dir, 'tmp') : (vault as FolderVault).tempDir
  return {
    vault,
    leftovers: () => fs.readdirSync(tempDir),
    async close() {
      await s3?.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

describe.each(MEDIA_STORES)('vault on %s', (kind) => {
  let opened: Opened
  let vault: Vault
  beforeEach(async () => {
    opened = await openVault(kind)
    vault = opened.vault
  })
  afterEach(() => opened.close())

  it('stores a streamed file whole, under its fixed name, and serves ranges of it', async () => {
    // Over 5 MiB: a bucket takes it as a multipart upload.
    const bytes = Buffer.alloc(6_000_000)
    for (let i = 0; i < bytes.length; i += 4096) bytes[i] = i % 251
    await expect(vault.writeStream(JOB, 'video', Readable.from([bytes]), bytes.length)).resolves.toBe(bytes.length)
    expect(await vault.keys()).toEqual([`${JOB}/video.mp4`])
    expect((await vault.read(JOB, 'video')).equals(bytes)).toBe(true)
    const stat = await vault.stat(JOB, 'video')
    expect(stat?.size).toBe(bytes.length)
    expect(stat?.etag).toMatch(/^".+"$/)
    const { body: part, file } = await vault.openRead(JOB, 'video', { start: 4096, end: 8191 })
    const chunks: Buffer[] = []
    for await (const chunk of part) chunks.push(chunk as Buffer)
    expect(Buffer.concat(chunks).equals(bytes.subarray(4096, 8192))).toBe(true)
    // A read says what the whole file is, as stat does (a seek or a whole GET then needs no stat).
    expect(file).toEqual(stat)
    const whole = await vault.openRead(JOB, 'video')
    whole.body.destroy()
    expect(whole.file).toEqual(stat)
    expect(opened.leftovers()).toEqual([])
  })

  it('keeps nothing of a short download', async () => {
    const write = vault.writeStream(JOB, 'video', Readable.from([Buffer.alloc(10)]), 20)
    await expect(write).rejects.toBeInstanceOf(IncompleteDownloadError)
    expect(await vault.has(JOB, 'video')).toBe(false)
    expect(await vault.keys()).toEqual([])
    expect(opened.leftovers()).toEqual([])
  })

  it('keeps nothing of a stream that breaks midway, and the previous copy survives', async () => {
    await vault.writeFile(JOB, 'video', 'good copy')
    const broken = new Readable({
      read() {
        this.push(Buffer.alloc(1000))
        this.destroy(new Error('connection reset'))
      },
    })
    await expect(vault.writeStream(JOB, 'video', broken, null)).rejects.toThrow('connection reset')
    expect((await vault.read(JOB, 'video')).toString()).toBe('good copy')
    expect(opened.leftovers()).toEqual([])
  })

  it('refuses ids that could escape the vault', async () => {
    await expect(vault.writeFile('../etc', 'video', 'x')).rejects.toThrow()
    await expect(vault.has('job_../../x', 'video')).rejects.toThrow()
    expect(await vault.keys()).toEqual([])
  })

  it('copies and removes a job, and removes single assets', async () => {
    await vault.writeFile(JOB, 'reference', Buffer.from('png'))
    await vault.writeFile(JOB, 'sidecar', '{}')
    await vault.copy(JOB, 'job_vaulttest0002', 'reference')
    expect(await vault.read('job_vaulttest0002', 'reference')).toEqual(Buffer.from('png'))
    await vault.removeAssets(JOB, ['sidecar'])
    expect(await vault.keys()).toEqual([`${JOB}/reference.png`, 'job_vaulttest0002/reference.png'])
    await vault.remove(JOB)
    expect(await vault.has(JOB, 'reference')).toBe(false)
    expect(await vault.keys()).toEqual(['job_vaulttest0002/reference.png'])
  })

  it('adopts a received upload and removes its temp file', async () => {
    const temp = await vault.receive(Readable.from([Buffer.from('an original image')]), 'reference')
    await vault.adopt(temp, JOB, 'reference-original')
    expect(await text((await vault.openRead(JOB, 'reference-original')).body)).toBe('an original image')
    expect(opened.leftovers()).toEqual([])
  })

  it('sweeps the leftovers of an interrupted write, and is reachable', async () => {
    fs.writeFileSync(vault.tempPath('video'), 'half')
    await vault.sweepTemp()
    expect(opened.leftovers()).toEqual([])
    expect(await vault.reachable()).toBe(true)
  })
})

describe('the folder vault', () => {
  it('lists no files of a job whose folder is removed while it lists (a purge running meanwhile)', async () => {
    const opened = await openVault('folder')
    const { default: fsp } = await import('node:fs/promises')
    const real = fsp.readdir.bind(fsp)
    try {
      await opened.vault.writeFile(JOB, 'video', 'bytes')
      await opened.vault.writeFile('job_vaulttest0002', 'video', 'kept')
      // The root is listed, then the job's folder goes before it is read.
      const listing = vi.spyOn(fsp, 'readdir').mockImplementationOnce(async (...args) => {
        const entries = await (real as (...a: unknown[]) => Promise<unknown>)(...args)
        await opened.vault.remove(JOB)
        return entries as never
      })
      expect(await opened.vault.keys()).toEqual(['job_vaulttest0002/video.mp4'])
      expect(listing).toHaveBeenCalled()
    } finally {
      vi.restoreAllMocks()
      await opened.close()
    }
  })
})
