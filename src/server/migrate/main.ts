import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { ConfigError, loadConfig } from '../config'
import { openStore, type Store } from '../store/database'
import { s3Client } from '../vault/s3-vault'
import { copyMedia, verifyMedia } from './copy-media'
import { MigrationRefused, compareTables, copyTables } from './copy-tables'
import { summarize } from './summary'
import { listVaultFiles } from './vault-files'

const USAGE = `Usage: npm run migrate-to-team [-- --batch-size <rows>] [-- --verify-only]

Copies a single-machine data folder (DAILIES_DATA_DIR: dailies.db and vault/) into PostgreSQL
(DATABASE_URL) and the bucket (DAILIES_S3_BUCKET, DAILIES_S3_ENDPOINT, the AWS keys), then checks
every row and every file. Stopped at any point, run it again: it carries on where it stopped.

  --batch-size <rows>  rows per transaction (default 500)
  --verify-only        copy nothing; only compare the source with the target`

class UsageError extends Error {}

function parseOptions(argv: string[]): { batchSize: number; verifyOnly: boolean } {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: {
        'batch-size': { type: 'string' },
        'verify-only': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }))
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }
  const batchSize = Number(values['batch-size'] ?? 500)
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1000) {
    throw new UsageError(
      `--batch-size must be a whole number from 1 to 1000 (got ${values['batch-size']})`,
    )
  }
  return { batchSize, verifyOnly: values['verify-only'] ?? false }
}

/** The URL without its password, for messages. */
const shown = (url: string) => {
  const parsed = new URL(url)
  parsed.password = ''
  return parsed.toString()
}

async function main(): Promise<void> {
  const { batchSize, verifyOnly } = parseOptions(process.argv.slice(2))
  const config = loadConfig()
  if (!config.databaseUrl)
    throw new ConfigError(
      'Set DATABASE_URL to the PostgreSQL database to copy into (postgres://user:password@host:5432/dailies)',
    )
  if (!config.s3)
    throw new ConfigError(
      'Set DAILIES_S3_BUCKET (and DAILIES_S3_ENDPOINT, the AWS keys) to the bucket to copy into',
    )
  const sqliteFile = path.join(config.dataDir, 'dailies.db')
  if (!fs.existsSync(sqliteFile)) {
    throw new ConfigError(
      `No studio database at ${sqliteFile}: set DAILIES_DATA_DIR to the single-machine data folder`,
    )
  }
  const vaultRoot = path.join(config.dataDir, 'vault')
  const bucket = { client: s3Client(config.s3), name: config.s3.bucket }

  // Both are brought to this version's schema first, by the studio's own migrator.
  const source = await openStore({ sqliteFile })
  let target: Store | null = null
  try {
    target = await openStore({ postgresUrl: config.databaseUrl })
    const files = await listVaultFiles(vaultRoot)
    console.log(`database: ${sqliteFile} → ${shown(config.databaseUrl)}`)
    console.log(`media: ${files.length} files in ${vaultRoot} → bucket ${bucket.name}`)

    if (!verifyOnly) {
      const tables = await copyTables(source, target, {
        batchSize,
        onBatch: ({ table, done, total }) => console.log(`rows ${table} ${done}/${total}`),
      })
      for (const { table, copied, alreadyThere } of tables) {
        console.log(`database: ${table}: ${copied} copied, ${alreadyThere} already there`)
      }
      let done = 0
      const copy = await copyMedia(files, bucket, (file, outcome) => {
        done += 1
        console.log(`media ${done}/${files.length} ${outcome}: ${file.key}`)
      })
      console.log(`media: ${copy.copied} copied, ${copy.alreadyThere} already there`)
    }

    const { comparisons } = await compareTables(source, target)
    const summary = summarize(comparisons, files.length, await verifyMedia(files, bucket))
    for (const line of summary.lines) console.log(line)
    if (!summary.ok) process.exitCode = 1
  } finally {
    await source.close()
    await target?.close()
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`)
  else if (error instanceof ConfigError || error instanceof MigrationRefused)
    console.error(`migrate-to-team: ${error.message}`)
  else console.error(error)
  process.exit(1)
})
