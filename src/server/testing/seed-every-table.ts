import type { Kysely } from 'kysely'
import { JobRepository } from '../store/job-repository'
import type { StudioTables } from '../store/tables'
import { jobRecord } from './seed-job'
import type { JobRecord } from '../store/job-record'

/**
 * A studio database with rows in every table, the awkward values included (fractions, epoch
 * milliseconds past 32 bits, accents and emoji, nulls): what a copy between back ends must keep.
 * Returns the jobs, oldest first.
 */
export async function seedEveryTable(db: Kysely<StudioTables>, jobs: number): Promise<JobRecord[]> {
  const records: JobRecord[] = []
  await db.transaction().execute(async (trx) => {
    const inTrx = new JobRepository(trx)
    for (let i = 0; i < jobs; i++) {
      const job = jobRecord({
        status: i % 9 === 0 ? 'failed' : 'completed',
        prompt: `take ${i}: a crêpe stall at dawn 🌅, slow dolly in`,
        progress: i % 9 === 0 ? 37.5 : 100,
        costUsd: 0.1 * (i % 7),
        author: i % 3 === 0 ? null : `Zoë ${i % 4}`,
        verdict: i % 5 === 0 ? 'circled' : null,
        hasThumbnail: i % 2 === 0,
        still: i % 10 === 2 ? { width: 270, thumbnailWidth: 720 } : null,
        completedAt: i % 9 === 0 ? null : new Date(Date.UTC(2026, 11, 1, 0, 0, i)).toISOString(),
        ...(i % 4 === 0 ? { reference: { hash: 'a'.repeat(64), width: 720, height: 1280 } } : {}),
      })
      await inTrx.insert(job)
      records.push(job)
    }
  })
  const [first, second] = records
  if (!first || !second) return records
  const at = '2026-12-01T10:00:00.000Z'
  await db
    .insertInto('reels')
    .values({
      id: 'reel_seed0001',
      name: 'Selects — day 1',
      created_at: at,
      updated_at: at,
      export_state: null,
    })
    .execute()
  await db
    .insertInto('reel_shots')
    .values([
      { reel_id: 'reel_seed0001', position: 0, job_id: second.id },
      { reel_id: 'reel_seed0001', position: 1, job_id: first.id },
    ])
    .execute()
  await db
    .insertInto('notes')
    .values([
      {
        id: 'note_seed0001',
        job_id: first.id,
        at_seconds: 1.25,
        until_seconds: 2.5,
        body: 'Warmer — «more» sun',
        search_text: 'warmer more sun',
        author: 'Zoë',
        marks: '[{"x":0.5,"y":0.25}]',
        created_at: at,
        updated_at: at,
      },
      {
        id: 'note_seed0002',
        job_id: first.id,
        at_seconds: 0,
        until_seconds: null,
        body: 'ok',
        search_text: 'ok',
        author: 'Sam',
        marks: '[]',
        created_at: at,
        updated_at: at,
      },
    ])
    .execute()
  await db
    .insertInto('review_links')
    .values({
      id: 'link_seed0001',
      token_hash: 'b'.repeat(64),
      share_kind: 'takes',
      reel_id: null,
      job_ids: JSON.stringify([first.id, second.id]),
      title: '2 takes',
      permission: 'comment',
      passphrase_hash: null,
      created_at: at,
      expires_at: '2027-01-01T00:00:00.000Z',
      revoked_at: null,
      last_used_at: at,
    })
    .execute()
  await db
    .insertInto('review_sessions')
    .values({
      id_hash: 'c'.repeat(64),
      link_id: 'link_seed0001',
      reviewer_name: 'Ana',
      created_at: at,
    })
    .execute()
  await db
    .insertInto('sessions')
    .values({
      id_hash: 'd'.repeat(64),
      created_at: 1_764_547_200_123,
      last_seen_at: 1_764_550_800_456,
      name: 'Zoë',
    })
    .execute()
  await db
    .insertInto('auth_settings')
    .values({ name: 'session_secret', value: 'e'.repeat(64) })
    .execute()
  await db
    .insertInto('sign_ins')
    .values([
      { at, address: '192.0.2.7', outcome: 'ok', user_agent: 'Mozilla/5.0' },
      { at, address: '2001:db8::1', outcome: 'wrong_token', user_agent: '' },
    ])
    .execute()
  return records
}
