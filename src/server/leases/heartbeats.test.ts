import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestStore } from '../testing/test-database'
import type { Store } from '../store/database'
import { Heartbeats, shareOf } from './heartbeats'

const PERIOD_MS = 3_000
const t0 = new Date('2026-01-01T00:00:00.000Z')
const at = (ms: number) => new Date(t0.getTime() + ms)

let store: Store
beforeEach(async () => {
  store = await openTestStore()
})
afterEach(() => store.close())

const replica = (owner: string) => new Heartbeats(store.db, { owner, periodMs: PERIOD_MS })

describe('the provider cap split by heartbeats', () => {
  it('gives each of three live replicas a third of the cap, and the rest more once one stops beating', async () => {
    const [a, b, c] = [replica('a'), replica('b'), replica('c')]
    await a.beat(at(0))
    await b.beat(at(0))
    expect(await c.beat(at(0))).toBe(3)
    expect(shareOf(6, 3)).toBe(2)
    // c stops beating: a period later the other two count two, and take 3 each; never more than 6 together.
    await b.beat(at(PERIOD_MS))
    expect(await a.beat(at(PERIOD_MS + 1))).toBe(2)
    expect(shareOf(6, 2)).toBe(3)
  })

  it('frees a leaving replica’s share at the others’ next beat, and never gives less than one slot', async () => {
    const [a, b] = [replica('a'), replica('b')]
    await a.beat(at(0))
    expect(await b.beat(at(0))).toBe(2)
    await b.leave()
    expect(await a.beat(at(1))).toBe(1)
    expect(shareOf(2, 5)).toBe(1)
  })

  it('forgets the rows of replicas silent for ten periods', async () => {
    await replica('gone').beat(at(0))
    await replica('here').beat(at(10 * PERIOD_MS + 1))
    const rows = await store.db.selectFrom('replicas').select('id').execute()
    expect(rows.map((row) => row.id)).toEqual(['here'])
  })
})
