import type { VerifyReport } from './copy-media'
import { matches, type TableComparison } from './table-digests'

export interface Summary {
  lines: string[]
  /** Every table and every file matches. */
  ok: boolean
}

const short = (checksum: string) => checksum.slice(0, 12)
const count = (n: number) => String(n).padStart(7)
const keys = (label: string, list: string[]) =>
  list.length > 0
    ? [`${list.length} ${label} (${list.slice(0, 3).join(', ')}${list.length > 3 ? ', …' : ''})`]
    : []

function tableLine(c: TableComparison): string {
  const head = `  ${c.table.padEnd(16)}${count(c.sourceRows)} →${count(c.targetRows)} rows   sha256 ${short(c.sourceChecksum)} / ${short(c.targetChecksum)}`
  if (matches(c)) return `${head}   ok`
  const why = [
    ...keys('missing in the target', c.missing),
    ...keys('different', c.differing),
    ...keys('only in the target', c.extra),
  ]
  return `${head}   MISMATCH: ${why.join('; ')}`
}

/** What the verification found, one line per table and one for the files, and whether all of it matches. */
export function summarize(tables: TableComparison[], files: number, media: VerifyReport): Summary {
  const tablesOk = tables.every(matches)
  const mediaOk = media.mismatched.length === 0 && media.verified === files
  const mediaLine =
    `  ${'media files'.padEnd(16)}${count(files)} →${count(media.verified)} same  sha256 of each file against its object` +
    (mediaOk ? '   ok' : `   MISMATCH: ${keys('missing or different', media.mismatched).join('')}`)
  const badTables = tables.filter((c) => !matches(c)).length
  const badFiles = files - media.verified
  // Missing rows and files a run copies; rows that differ (or should not be there) it refuses.
  const foreign = tables.some((c) => c.differing.length > 0 || c.extra.length > 0)
  const advice = foreign
    ? 'The database holds rows that differ from the studio’s: empty it and run the command again.'
    : 'Run the command again to copy what is missing.'
  return {
    ok: tablesOk && mediaOk,
    lines: [
      'verified, source → target:',
      ...tables.map(tableLine),
      mediaLine,
      tablesOk && mediaOk
        ? 'migrate-to-team: every row and every file matches. Start the studios with DATABASE_URL and DAILIES_S3_BUCKET.'
        : `migrate-to-team: ${badTables} of ${tables.length} tables and ${badFiles} of ${files} files differ (above). ${advice}`,
    ],
  }
}
