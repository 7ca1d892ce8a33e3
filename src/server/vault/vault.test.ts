import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { IncompleteDownloadError, Vault } from './vault'

let root: string
let vault: Vault
const JOB = 'job_vaulttest0001'

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-vault-'))
  vault = new Vault(root)
})
afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

const tempFiles = () => fs.readdirSync(vault.tempDir)

describe('vault', () => {
  it('stores a streamed file whole, under its fixed name', async () => {
    const bytes = Buffer.alloc(3_000_000, 7)
    await expect(vault.writeStream(JOB, 'video', Readable.from([bytes]), bytes.length)).resolves.toBe(bytes.length)
    expect(fs.readFileSync(path.join(root, JOB, 'video.mp4')).equals(bytes)).toBe(true)
    expect(tempFiles()).toEqual([])
  })

  it('keeps nothing of a short download', async () => {
    const write = vault.writeStream(JOB, 'video', Readable.from([Buffer.alloc(10)]), 20)
    await expect(write).rejects.toBeInstanceOf(IncompleteDownloadError)
    expect(fs.existsSync(vault.pathOf(JOB, 'video'))).toBe(false)
    expect(tempFiles()).toEqual([])
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
    expect(fs.readFileSync(vault.pathOf(JOB, 'video'), 'utf8')).toBe('good copy')
    expect(tempFiles()).toEqual([])
  })

  it('refuses ids that could escape the vault', () => {
    expect(() => vault.pathOf('../etc', 'video')).toThrow()
    expect(() => vault.pathOf('job_../../x', 'video')).toThrow()
  })

  it('copies and removes a job folder', async () => {
    await vault.writeFile(JOB, 'reference', Buffer.from('png'))
    await vault.copy(JOB, 'job_vaulttest0002', 'reference')
    expect(await vault.read('job_vaulttest0002', 'reference')).toEqual(Buffer.from('png'))
    await vault.remove(JOB)
    expect(await vault.has(JOB, 'reference')).toBe(false)
    expect(await vault.has('job_vaulttest0002', 'reference')).toBe(true)
  })

  it('sweeps the leftovers of an interrupted write', async () => {
    fs.writeFileSync(vault.tempPath('video'), 'half')
    await vault.sweepTemp()
    expect(tempFiles()).toEqual([])
  })
})
