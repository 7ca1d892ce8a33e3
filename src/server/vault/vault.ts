import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import type { Readable, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { z } from 'zod'
import { jobIdSchema } from '../../contract/job'
import { reelIdSchema } from '../../contract/reels'

/** Every file the studio keeps for a job, under fixed names: never a client-chosen one. */
export const ASSETS = {
  video: { file: 'video.mp4', contentType: 'video/mp4' },
  thumbnail: { file: 'thumbnail.webp', contentType: 'image/webp' },
  spritesheet: { file: 'spritesheet.jpg', contentType: 'image/jpeg' },
  reference: { file: 'reference.png', contentType: 'image/png' },
  'reference-original': { file: 'reference-original', contentType: 'application/octet-stream' },
  'last-frame': { file: 'last-frame.png', contentType: 'image/png' },
  'last-frame-original': { file: 'last-frame-original', contentType: 'application/octet-stream' },
  sidecar: { file: 'job.json', contentType: 'application/json' },
  'reel-sidecar': { file: 'reel.json', contentType: 'application/json' },
  'reel-export': { file: 'reel.mp4', contentType: 'video/mp4' },
} as const
export type AssetName = keyof typeof ASSETS

/** Who owns a folder of the vault: a job, or a reel (its sidecar and exported film). */
const ownerIdSchema = z.union([jobIdSchema, reelIdSchema])

export class IncompleteDownloadError extends Error {
  override readonly name = 'IncompleteDownloadError'
}

/**
 * Job (and reel) assets on disk, keyed by their owner's validated id. Writes land whole or not at
 * all: temp file, fsync, rename.
 */
export class Vault {
  readonly tempDir: string

  constructor(readonly root: string) {
    this.tempDir = path.join(root, '.tmp')
    fs.mkdirSync(this.tempDir, { recursive: true })
  }

  dirOf(jobId: string): string {
    return path.join(this.root, ownerIdSchema.parse(jobId))
  }

  pathOf(jobId: string, asset: AssetName): string {
    return path.join(this.dirOf(jobId), ASSETS[asset].file)
  }

  /** A fresh path in the vault's own temp folder (same disk, so a rename is atomic). */
  tempPath(label = 'upload'): string {
    return path.join(this.tempDir, `${label}-${randomBytes(8).toString('hex')}`)
  }

  async writeStream(jobId: string, asset: AssetName, body: Readable, expectedBytes: number | null): Promise<number> {
    const temp = this.tempPath(asset)
    try {
      await pipeline(body, this.openTemp(temp))
      const { size } = await fsp.stat(temp)
      if (expectedBytes !== null && size !== expectedBytes) {
        throw new IncompleteDownloadError(`${asset}: got ${size} of ${expectedBytes} bytes`)
      }
      if (size === 0) throw new IncompleteDownloadError(`${asset}: the provider sent an empty file`)
      await this.commit(temp, jobId, asset)
      return size
    } catch (error) {
      await fsp.rm(temp, { force: true })
      throw error
    }
  }

  async writeFile(jobId: string, asset: AssetName, data: Buffer | string): Promise<void> {
    const temp = this.tempPath(asset)
    try {
      await fsp.writeFile(temp, data)
      await this.commit(temp, jobId, asset)
    } catch (error) {
      await fsp.rm(temp, { force: true })
      throw error
    }
  }

  /**
   * Streams a client's upload to a fresh temp file and returns its path. On any failure (a full
   * disk among them) the partial file is removed before the error goes on.
   */
  async receive(body: Readable, label: string): Promise<string> {
    const temp = this.tempPath(label)
    try {
      await pipeline(body, this.openTemp(temp))
      return temp
    } catch (error) {
      await fsp.rm(temp, { force: true })
      throw error
    }
  }

  /** Moves a finished temp file (e.g. an upload) into place. */
  async adopt(tempFile: string, jobId: string, asset: AssetName): Promise<void> {
    await this.commit(tempFile, jobId, asset)
  }

  async copy(fromJob: string, toJob: string, asset: AssetName): Promise<void> {
    const temp = this.tempPath(asset)
    try {
      await fsp.copyFile(this.pathOf(fromJob, asset), temp)
      await this.commit(temp, toJob, asset)
    } catch (error) {
      await fsp.rm(temp, { force: true })
      throw error
    }
  }

  async read(jobId: string, asset: AssetName): Promise<Buffer> {
    return fsp.readFile(this.pathOf(jobId, asset))
  }

  async has(jobId: string, asset: AssetName): Promise<boolean> {
    return fsp.access(this.pathOf(jobId, asset)).then(
      () => true,
      () => false,
    )
  }

  /** Removes some of a job's files, e.g. a take saved after it was cancelled. */
  async removeAssets(jobId: string, assets: readonly AssetName[]): Promise<void> {
    await Promise.all(assets.map((asset) => fsp.rm(this.pathOf(jobId, asset), { force: true })))
  }

  async remove(jobId: string): Promise<void> {
    await fsp.rm(this.dirOf(jobId), { recursive: true, force: true })
  }

  async removeTemp(tempFile: string): Promise<void> {
    if (path.dirname(tempFile) === this.tempDir) await fsp.rm(tempFile, { force: true })
  }

  /** Leftovers of writes a crash interrupted. */
  async sweepTemp(): Promise<void> {
    await fsp.rm(this.tempDir, { recursive: true, force: true })
    await fsp.mkdir(this.tempDir, { recursive: true })
  }

  /** Whether the storage answers at all (for /api/health). */
  async reachable(): Promise<boolean> {
    return fsp.access(this.root, fs.constants.W_OK).then(
      () => true,
      () => false,
    )
  }

  /** The stream a download or upload is written through, to a temp file; tests put a full disk here. */
  protected openTemp(file: string): Writable {
    return fs.createWriteStream(file, { highWaterMark: 1 << 20 })
  }

  private async commit(temp: string, jobId: string, asset: AssetName): Promise<void> {
    const handle = await fsp.open(temp, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fsp.mkdir(this.dirOf(jobId), { recursive: true })
    await fsp.rename(temp, this.pathOf(jobId, asset))
  }
}
