import fs from 'node:fs'
import path from 'node:path'
import type { Studio } from '../studio'
import { FolderVault } from '../vault/folder-vault'
import type { Vault } from '../vault/vault'

/** Every file under `root`, as sorted relative paths (folders themselves are left out). */
export function listFiles(root: string): string[] {
  if (!fs.existsSync(root)) return []
  const entries = fs.readdirSync(root, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort()
}

export interface StudioSnapshot {
  /** Job ids in the store, newest first. */
  rows: string[]
  /** Files in the vault, `.tmp` included. */
  files: string[]
}

/** The studio's vault as the folder it is in tests that look at files on disk. */
export function folderVault(vault: Vault): FolderVault {
  if (!(vault instanceof FolderVault)) throw new Error('this test looks at the vault folder: run it on the folder store')
  return vault
}

/** What a request could leave behind: rows in the store and files in the vault. */
export async function snapshot(studio: Pick<Studio, 'repo' | 'vault'>): Promise<StudioSnapshot> {
  return {
    rows: (await studio.repo.list({ limit: 100_000 })).items.map((job) => job.id),
    files: listFiles(folderVault(studio.vault).root),
  }
}

/** The files in `after` that were not in `before`. */
export function newFiles(before: StudioSnapshot, after: StudioSnapshot): string[] {
  const known = new Set(before.files)
  return after.files.filter((file) => !known.has(file))
}
