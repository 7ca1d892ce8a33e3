import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import type { Readable, Writable } from 'node:stream'
import type { ReadRange } from '../media/byte-range'
import { TempFolder } from './temp-folder'
import { ASSETS, IncompleteDownloadError, type AssetName, type OpenedMedia, type StoredMedia, type Vault, ownerIdSchema } from './vault'

/**
 * 64 KiB reads, Node's default: larger ones (1 MiB was tried) each take fresh memory from the
 * system, so many whole-file downloads at once ran slower and held far more RSS (bench 5).
 */
const READ_BUFFER = 1 << 16

/** Job files in a folder on this machine. Writes land whole or not at all: temp file, fsync, rename. */
export class FolderVault implements Vault {
  readonly temp: TempFolder

  constructor(readonly root: string) {
    // The temp folder sits in the vault, on the same disk, so a rename into place is atomic.
    this.temp = new TempFolder(path.join(root, '.tmp'), (file) => this.openTemp(file))
  }

  get tempDir(): string {
    return this.temp.dir
  }

  /** Where a job's files are on disk: for this class and tests only, never for callers of the seam. */
  dirOf(jobId: string): string {
    return path.join(this.root, ownerIdSchema.parse(jobId))
  }

  pathOf(jobId: string, asset: AssetName): string {
    return path.join(this.dirOf(jobId), ASSETS[asset].file)
  }

  tempPath(label: string): string {
    return this.temp.path(label)
  }

  async writeStream(jobId: string, asset: AssetName, body: Readable, expectedBytes: number | null): Promise<number> {
    const temp = await this.temp.receive(body, asset)
    try {
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
    const temp = this.temp.path(asset)
    try {
      await fsp.writeFile(temp, data)
      await this.commit(temp, jobId, asset)
    } catch (error) {
      await fsp.rm(temp, { force: true })
      throw error
    }
  }

  receive(body: Readable, label: string): Promise<string> {
    return this.temp.receive(body, label)
  }

  async adopt(tempFile: string, jobId: string, asset: AssetName): Promise<void> {
    await this.commit(tempFile, jobId, asset)
  }

  async copy(fromJob: string, toJob: string, asset: AssetName): Promise<void> {
    const temp = this.temp.path(asset)
    try {
      await fsp.copyFile(this.pathOf(fromJob, asset), temp)
      await this.commit(temp, toJob, asset)
    } catch (error) {
      await fsp.rm(temp, { force: true })
      throw error
    }
  }

  read(jobId: string, asset: AssetName): Promise<Buffer> {
    return fsp.readFile(this.pathOf(jobId, asset))
  }

  async has(jobId: string, asset: AssetName): Promise<boolean> {
    return (await this.stat(jobId, asset)) !== null
  }

  async stat(jobId: string, asset: AssetName): Promise<StoredMedia | null> {
    const stat = await fsp.stat(this.pathOf(jobId, asset)).catch(() => null)
    return stat ? storedMedia(stat) : null
  }

  /**
   * Opened first, so a missing file is an error before any header is sent. The stream reads
   * through the callback API on the descriptor: a FileHandle's stream reads through promises,
   * which cost the event loop about six times the socket writes per chunk (bench 5's profile).
   */
  async openRead(jobId: string, asset: AssetName, range?: ReadRange): Promise<OpenedMedia> {
    const file = this.pathOf(jobId, asset)
    const fd = await new Promise<number>((resolve, reject) =>
      fs.open(file, 'r', (error, opened) => (error ? reject(error) : resolve(opened))),
    )
    const stat = await new Promise<fs.Stats>((resolve, reject) =>
      fs.fstat(fd, (error, stats) => (error ? fs.close(fd, () => reject(error)) : resolve(stats))),
    )
    const body = fs.createReadStream(file, { fd, ...range, highWaterMark: READ_BUFFER })
    return { body, file: storedMedia(stat) }
  }

  ffmpegInput(jobId: string, asset: AssetName): Promise<string> {
    return Promise.resolve(this.pathOf(jobId, asset))
  }

  async removeAssets(jobId: string, assets: readonly AssetName[]): Promise<void> {
    await Promise.all(assets.map((asset) => fsp.rm(this.pathOf(jobId, asset), { force: true })))
  }

  async remove(jobId: string): Promise<void> {
    await fsp.rm(this.dirOf(jobId), { recursive: true, force: true })
  }

  async keys(): Promise<string[]> {
    const entries = await fsp.readdir(this.root, { withFileTypes: true })
    const jobs = entries.filter((entry) => entry.isDirectory() && ownerIdSchema.safeParse(entry.name).success)
    // A job's folder removed between the two listings (a purge running meanwhile) holds nothing.
    const filesOf = (job: string) =>
      fsp.readdir(path.join(this.root, job)).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return []
        throw error
      })
    const keys = await Promise.all(
      jobs.map(async (job) => (await filesOf(job.name)).map((file) => `${job.name}/${file}`)),
    )
    return keys.flat().sort()
  }

  removeTemp(tempFile: string): Promise<void> {
    return this.temp.remove(tempFile)
  }

  sweepTemp(): Promise<void> {
    return this.temp.sweep()
  }

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

/** A file's facts from its stat; the ETag changes whenever its size or modification time does. */
function storedMedia(stat: fs.Stats): StoredMedia {
  const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`
  return { size: stat.size, etag, lastModified: stat.mtime }
}
