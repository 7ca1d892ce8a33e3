import path from 'node:path'
import { parseArgs } from 'node:util'
import { ConfigError, loadConfig } from '../config'
import { openStore } from '../store/database'
import { openVault } from '../vault/open-vault'
import { restoreReview, type RestoreOutcome } from './restore-review'

const USAGE = `Usage: npm run restore-review [-- --dry-run] [-- --replace]

Writes the notes and verdicts kept in each take's job.json (in the vault folder, or the bucket)
back into the studio's database (DAILIES_DATA_DIR's dailies.db, or DATABASE_URL). Takes whose
database already holds notes or a verdict keep them. Run it with the studio stopped.

  --dry-run   change nothing; only say what would be restored
  --replace   overwrite the notes and verdict the database holds with the sidecar's`

function parseOptions(argv: string[]): { dryRun: boolean; replace: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: {
      'dry-run': { type: 'boolean' },
      replace: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  })
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }
  return { dryRun: values['dry-run'] ?? false, replace: values.replace ?? false }
}

function describe(outcome: RestoreOutcome, dryRun: boolean): string {
  switch (outcome.kind) {
    case 'restored':
      return `${dryRun ? 'would restore' : 'restored'} ${outcome.jobId}: ${outcome.notes} notes, verdict ${outcome.verdict ?? 'none'}`
    case 'up-to-date':
      return `up to date ${outcome.jobId}`
    case 'kept':
      return `kept ${outcome.jobId}: ${outcome.reason}`
    case 'skipped':
      return `skipped ${outcome.folder}: ${outcome.reason}`
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2))
  const config = loadConfig()
  const store = await openStore(
    config.databaseUrl
      ? { postgresUrl: config.databaseUrl }
      : { sqliteFile: path.join(config.dataDir, 'dailies.db') },
  )
  try {
    const outcomes = await restoreReview(store.db, openVault(config.dataDir, config.s3), {
      ...options,
      onTake: (outcome) => console.log(describe(outcome, options.dryRun)),
    })
    const count = (kind: RestoreOutcome['kind']) =>
      outcomes.filter((outcome) => outcome.kind === kind).length
    const restored = count('restored')
    console.log(
      restored === 0
        ? `nothing to restore (${count('up-to-date')} up to date, ${count('kept')} kept, ${count('skipped')} skipped)`
        : `${options.dryRun ? 'would restore' : 'restored'} ${restored} takes (${count('up-to-date')} up to date, ${count('kept')} kept, ${count('skipped')} skipped)`,
    )
  } finally {
    await store.close()
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`restore-review: ${error.message}`)
  else if (
    error instanceof TypeError &&
    'code' in error &&
    String(error.code).startsWith('ERR_PARSE_ARGS')
  )
    console.error(`${error.message}\n\n${USAGE}`)
  else console.error(error)
  process.exit(1)
})
