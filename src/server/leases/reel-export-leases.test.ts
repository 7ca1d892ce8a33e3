import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestStore } from '../testing/test-database'
import type { Store } from '../store/database'
import { ReelExportLeases } from './reel-export-leases'

const PERIOD_MS = 3_000
const t0 = new Date('2026-01-01T00:00:00.000Z')
const at = (ms: number) => new Date(t0.getTime() + ms)

let store: Store
beforeEach(async () => {
  store = await openTestStore()
  const now = t0.toISOString()
  await store.db.insertInto('reels').values({ id: 'reel_lease00001', name: 'Reel', created_at: now, updated_at: now, export_state: null }).execute()
})
afterEach(() => store.close())

const replica = (owner: string) => new ReelExportLeases(store.db, { owner, periodMs: PERIOD_MS })

describe('reel export leases', () => {
  it('let one of two replicas start an export, the other only once the first one’s lease ran out', async () => {
    const [a, b] = [replica('a'), replica('b')]
    const won = await Promise.all([a.take('reel_lease00001', at(0)), b.take('reel_lease00001', at(0))])
    expect([...won].sort()).toEqual([false, true])
    const holder = won[0] ? a : b
    const other = won[0] ? b : a
    await holder.renewAll(at(PERIOD_MS - 1))
    expect(await other.take('reel_lease00001', at(PERIOD_MS + 1))).toBe(false)
    expect(await other.expired(at(2 * PERIOD_MS))).toEqual(['reel_lease00001'])
    expect(await other.take('reel_lease00001', at(2 * PERIOD_MS))).toBe(true)
  })

  it('free the export for anyone once its holder releases it, and list none as run out', async () => {
    const [a, b] = [replica('a'), replica('b')]
    expect(await a.take('reel_lease00001', at(0))).toBe(true)
    await b.release('reel_lease00001')
    expect(await b.take('reel_lease00001', at(1))).toBe(false)
    await a.release('reel_lease00001')
    expect(await a.expired(at(10 * PERIOD_MS))).toEqual([])
    expect(await b.take('reel_lease00001', at(2))).toBe(true)
  })
})
