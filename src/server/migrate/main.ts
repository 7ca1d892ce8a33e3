import path from 'node:path'
import { ConfigError, loadConfig } from '../config'
import { s3Client } from '../vault/s3-vault'
import { copyMedia, verifyMedia } from './copy-media'
import { listVaultFiles } from './vault-files'

/**
 * `npm run migrate-to-team`: copies a single-machine data folder (DAILIES_DATA_DIR) into the
 * team's storage: every vault file into the bucket (DAILIES_S3_*), then checks each copy's
 * SHA-256. Run it again after an interruption: it carries on where it stopped.
 */
async function main(): Promise<void> {
  const config = loadConfig()
  if (!config.s3) throw new ConfigError('Set DAILIES_S3_BUCKET (and DAILIES_S3_ENDPOINT, the AWS keys) to the bucket to copy into')
  const vaultRoot = path.join(config.dataDir, 'vault')
  const bucket = { client: s3Client(config.s3), name: config.s3.bucket }

  const files = await listVaultFiles(vaultRoot)
  console.log(`media: ${files.length} files in ${vaultRoot} → bucket ${bucket.name}`)
  let done = 0
  const copy = await copyMedia(files, bucket, (file, outcome) => {
    done += 1
    console.log(`media ${done}/${files.length} ${outcome}: ${file.key}`)
  })
  console.log(`media: ${copy.copied} copied, ${copy.alreadyThere} already there`)

  const check = await verifyMedia(files, bucket)
  if (check.mismatched.length > 0) {
    console.error(`media: ${check.mismatched.length} files differ in the bucket (run again to copy them): ${check.mismatched.join(', ')}`)
    process.exitCode = 1
    return
  }
  console.log(`media: all ${check.verified} files verified (sha256)`)
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error)
  process.exit(1)
})
