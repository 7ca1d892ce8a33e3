import path from 'node:path'
import type { S3Settings } from '../config'
import { FolderVault } from './folder-vault'
import { S3Vault } from './s3-vault'
import type { Vault } from './vault'

/** The folder `<dataDir>/vault` by default; the bucket when one is configured. */
export function openVault(dataDir: string, s3: S3Settings | null): Vault {
  return s3 ? new S3Vault(s3, path.join(dataDir, 'tmp')) : new FolderVault(path.join(dataDir, 'vault'))
}
