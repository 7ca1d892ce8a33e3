import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import type { Readable, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

/** A local folder for files on their way in: uploads, downloads before their rename, frames. */
export class TempFolder {
  constructor(
    readonly dir: string,
    /** The stream a file is written through; tests put a full disk here. */
    private readonly open: (file: string) => Writable = (file) => fs.createWriteStream(file, { highWaterMark: 1 << 20 }),
  ) {
    fs.mkdirSync(dir, { recursive: true })
  }

  path(label: string): string {
    return path.join(this.dir, `${label}-${randomBytes(8).toString('hex')}`)
  }

  /** Streams `body` to a fresh temp file; on any failure (a full disk among them) nothing stays. */
  async receive(body: Readable, label: string): Promise<string> {
    const file = this.path(label)
    try {
      await pipeline(body, this.open(file))
      return file
    } catch (error) {
      await fsp.rm(file, { force: true })
      throw error
    }
  }

  /** Removes a file, only if it is one of ours. */
  async remove(file: string): Promise<void> {
    if (path.dirname(file) === this.dir) await fsp.rm(file, { force: true })
  }

  async sweep(): Promise<void> {
    await fsp.rm(this.dir, { recursive: true, force: true })
    await fsp.mkdir(this.dir, { recursive: true })
  }
}
