import fs from 'node:fs'
import { Writable } from 'node:stream'
import { FolderVault } from '../vault/folder-vault'
import type { AssetName } from '../vault/vault'

export function enospc(): NodeJS.ErrnoException {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), {
    code: 'ENOSPC',
    errno: -28,
    syscall: 'write',
  })
}

/**
 * A vault on a disk that fills up: after `fillAfter(n)`, n more files fit, then a download writes
 * part of its first chunk to the temp file and fails with ENOSPC, as a real full disk does, and
 * small files fail at once. `free()` makes room again.
 */
export class FullDiskVault extends FolderVault {
  private room = Number.POSITIVE_INFINITY
  /** Writes refused since the disk filled up. */
  refused = 0

  fillAfter(writes: number): void {
    this.room = writes
  }

  free(): void {
    this.room = Number.POSITIVE_INFINITY
  }

  private fits(): boolean {
    if (this.room <= 0) return false
    this.room -= 1
    return true
  }

  protected override openTemp(file: string): Writable {
    if (this.fits()) return super.openTemp(file)
    const real = fs.createWriteStream(file)
    const refuse = (callback: (error?: Error | null) => void) => {
      this.refused += 1
      real.destroy()
      callback(enospc())
    }
    return new Writable({
      write(chunk: Buffer, _encoding, callback) {
        real.write(chunk.subarray(0, Math.floor(chunk.length / 2)), () => refuse(callback))
      },
      final: (callback) => refuse(callback),
    })
  }

  override async writeFile(jobId: string, asset: AssetName, data: Buffer | string): Promise<void> {
    if (!this.fits()) {
      this.refused += 1
      throw enospc()
    }
    return super.writeFile(jobId, asset, data)
  }
}
