import { createHash } from 'node:crypto'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { Readable } from 'node:stream'
import { ASSETS, ownerIdSchema } from '../vault/vault'

/** One file of a single-machine vault folder, named by the key it has in a bucket. */
export interface VaultFile {
  /** `<owner id>/<file name>`, as S3Vault names it. */
  key: string
  path: string
  size: number
  contentType: string
}

const CONTENT_TYPES = new Map<string, string>(Object.values(ASSETS).map(({ file, contentType }) => [file, contentType]))

/**
 * Every file a FolderVault keeps, sorted by key: the folders of jobs and reels, never `.tmp`
 * (writes a crash interrupted) or anything that is not a vault file.
 */
export async function listVaultFiles(root: string): Promise<VaultFile[]> {
  const owners = await fsp.readdir(root, { withFileTypes: true }).catch(() => [])
  const files: VaultFile[] = []
  for (const owner of owners) {
    if (!owner.isDirectory() || !ownerIdSchema.safeParse(owner.name).success) continue
    for (const name of await fsp.readdir(path.join(root, owner.name))) {
      const contentType = CONTENT_TYPES.get(name)
      if (!contentType) continue
      const file = path.join(root, owner.name, name)
      files.push({ key: `${owner.name}/${name}`, path: file, size: (await fsp.stat(file)).size, contentType })
    }
  }
  return files.sort((a, b) => a.key.localeCompare(b.key))
}

/** The SHA-256 of a stream, hex: read in chunks, never whole in memory. */
export async function sha256Of(stream: Readable): Promise<string> {
  const hash = createHash('sha256')
  await pipeline(stream, hash)
  return hash.digest('hex')
}

export const sha256OfFile = (file: string): Promise<string> => sha256Of(fs.createReadStream(file))
