import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reelDetailSchema, reelListSchema, type ReelDetail } from '../../contract/reels'
import { seedJob } from '../testing/seed-job'
import { startTestStudio, type TestStudio } from '../testing/test-studio'

let studio: TestStudio
beforeAll(async () => {
  studio = await startTestStudio()
})
afterAll(() => studio.close())

const done = (fields: Parameters<typeof seedJob>[1] = {}) =>
  seedJob(studio.repo, { status: 'completed', progress: 100, completedAt: new Date().toISOString(), ...fields })

async function call(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) {
  return studio.app.inject({ method, url, ...(payload ? { payload } : {}) })
}

async function createReel(name: string, jobIds: string[]): Promise<ReelDetail> {
  const reply = await call('POST', '/api/reels', { name, jobIds })
  expect(reply.statusCode, reply.body).toBe(201)
  return reelDetailSchema.parse(reply.json())
}

async function reelCount(): Promise<number> {
  return reelListSchema.parse((await call('GET', '/api/reels')).json()).items.length
}

function expectError(reply: { statusCode: number; json: () => unknown }, status: number, message: RegExp, field?: string) {
  expect(reply.statusCode).toBe(status)
  const { error } = reply.json() as { error: { message: string; field?: string } }
  expect(error.message).toMatch(message)
  if (field) expect(error.field).toBe(field)
}

describe('reels', () => {
  it('keeps a named reel of takes in the order given, with a sidecar in the vault', async () => {
    const [a, b, c] = [await done({ prompt: 'first light' }), await done({ prompt: 'the harbour' }), await done({ prompt: 'night' })]
    const reel = await createReel('  Harbour cut  ', [c.id, a.id, b.id])
    expect(reel).toMatchObject({ name: 'Harbour cut', jobIds: [c.id, a.id, b.id], export: null })
    expect(reel.takes.map((take) => take.prompt)).toEqual(['night', 'first light', 'the harbour'])

    const listed = reelListSchema.parse((await call('GET', '/api/reels')).json()).items
    expect(listed[0]).toMatchObject({ id: reel.id, jobIds: [c.id, a.id, b.id] })
    const sidecar = JSON.parse((await studio.vault.read(reel.id, 'reel-sidecar')).toString('utf8')) as {
      name: string
      shots: { jobId: string; prompt: string }[]
    }
    expect(sidecar.name).toBe('Harbour cut')
    expect(sidecar.shots.map((shot) => shot.prompt)).toEqual(['night', 'first light', 'the harbour'])
  })

  it('renames, reorders and removes a shot; each change reaches the sidecar', async () => {
    const [a, b, c] = [await done(), await done(), await done()]
    const reel = await createReel('Draft', [a.id, b.id, c.id])

    const renamed = await call('PATCH', `/api/reels/${reel.id}`, { name: 'Final' })
    expect(reelDetailSchema.parse(renamed.json()).name).toBe('Final')

    const reordered = await call('PUT', `/api/reels/${reel.id}/shots`, { jobIds: [c.id, a.id, b.id] })
    expect(reelDetailSchema.parse(reordered.json()).jobIds).toEqual([c.id, a.id, b.id])

    const removed = await call('DELETE', `/api/reels/${reel.id}/shots/${a.id}`)
    expect(reelDetailSchema.parse(removed.json()).jobIds).toEqual([c.id, b.id])
    const sidecar = JSON.parse((await studio.vault.read(reel.id, 'reel-sidecar')).toString('utf8')) as {
      name: string
      shots: { jobId: string }[]
    }
    expect(sidecar).toMatchObject({ name: 'Final', shots: [{ jobId: c.id }, { jobId: b.id }] })
  })

  it('makes a reel of a group: its takes in letter order, leaving out the failed one', async () => {
    const group = 'grp_reeltest1'
    const a = await done({ group, take: 'A' })
    await done({ group, take: 'B', status: 'failed' })
    const c = await seedJob(studio.repo, { group, take: 'C', status: 'in_progress' })
    const reply = await call('POST', '/api/reels', { name: 'Group', group })
    expect(reply.statusCode, reply.body).toBe(201)
    expect(reelDetailSchema.parse(reply.json()).jobIds).toEqual([a.id, c.id])
  })

  it("makes a reel of a group's circled takes once any is circled", async () => {
    const group = 'grp_reeltest2'
    await done({ group, take: 'A' })
    const [b, c, d] = [await done({ group, take: 'B' }), await done({ group, take: 'C' }), await done({ group, take: 'D' })]
    for (const [take, verdict] of [[b, 'circled'], [c, 'no_good'], [d, 'circled']] as const) {
      expect((await call('PUT', `/api/jobs/${take.id}/verdict`, { verdict })).statusCode).toBe(200)
    }
    const reply = await call('POST', '/api/reels', { name: 'Keepers', group })
    expect(reply.statusCode, reply.body).toBe(201)
    expect(reelDetailSchema.parse(reply.json()).jobIds).toEqual([b.id, d.id])
  })

  it('deletes a reel with its folder; its takes stay', async () => {
    const a = await done()
    const reel = await createReel('Gone soon', [a.id])
    expect((await call('DELETE', `/api/reels/${reel.id}`)).statusCode).toBe(204)
    expect((await call('GET', `/api/reels/${reel.id}`)).statusCode).toBe(404)
    expect((await studio.vault.keys()).filter((key) => key.startsWith(reel.id))).toEqual([])
    expect((await call('GET', `/api/jobs/${a.id}`)).statusCode).toBe(200)
  })

  describe('refuses bad input clearly and changes nothing', () => {
    it.each([
      ['no name', async () => ({ name: ' ', jobIds: [(await done()).id] }), /Name the reel/, 'name'],
      ['no takes', () => ({ name: 'x', jobIds: [] }), /at least one take/, 'jobIds'],
      ['a take twice', async () => { const a = await done(); return { name: 'x', jobIds: [a.id, a.id] } }, /only once/, 'jobIds'],
      ['an unknown take', () => ({ name: 'x', jobIds: ['job_doesnotexist00'] }), /does not exist/, 'jobIds'],
      ['a failed take', async () => ({ name: 'x', jobIds: [(await done({ status: 'failed' })).id] }), /failed/, 'jobIds'],
      ['takes and a group', async () => ({ name: 'x', jobIds: [(await done()).id], group: 'g1' }), /either/, 'jobIds'],
      ['an empty group', () => ({ name: 'x', group: 'nothing_here' }), /no takes/, 'group'],
    ])('creating with %s: 400', async (_, body, message, field) => {
      const before = await reelCount()
      expectError(await call('POST', '/api/reels', await body()), 400, message, field)
      expect(await reelCount()).toBe(before)
    })

    it('a reorder that adds or drops takes: 400, order kept', async () => {
      const [a, b] = [await done(), await done()]
      const reel = await createReel('Order', [a.id, b.id])
      expectError(await call('PUT', `/api/reels/${reel.id}/shots`, { jobIds: [b.id] }), 400, /each once/, 'jobIds')
      expectError(await call('PUT', `/api/reels/${reel.id}/shots`, { jobIds: [b.id, (await done()).id] }), 400, /each once/, 'jobIds')
      expect(reelDetailSchema.parse((await call('GET', `/api/reels/${reel.id}`)).json()).jobIds).toEqual([a.id, b.id])
    })

    it('unknown reels and shots: 404', async () => {
      const reel = await createReel('Known', [(await done()).id])
      expect((await call('GET', '/api/reels/reel_doesnotexist00')).statusCode).toBe(404)
      expect((await call('GET', '/api/reels/..%2Fjobs')).statusCode).toBe(404)
      expect((await call('PATCH', '/api/reels/reel_doesnotexist00', { name: 'x' })).statusCode).toBe(404)
      expect((await call('DELETE', `/api/reels/${reel.id}/shots/job_notinthisreel0`)).statusCode).toBe(404)
      expect((await call('DELETE', `/api/reels/${reel.id}/shots/nonsense`)).statusCode).toBe(404)
    })

    it('exporting an empty reel, a take not finished, a deleted take or a size not in the catalog', async () => {
      const a = await done({ size: '1280x720' })
      const rendering = await seedJob(studio.repo, { status: 'in_progress' })
      const empty = await createReel('Empty soon', [a.id])
      await call('DELETE', `/api/reels/${empty.id}/shots/${a.id}`)
      expectError(await call('POST', `/api/reels/${empty.id}/export`, {}), 409, /no takes/)

      const unfinished = await createReel('Unfinished', [a.id, rendering.id])
      expectError(await call('POST', `/api/reels/${unfinished.id}/export`, {}), 409, /Shot 2 .* not finished/)

      const doomed = await done()
      const deleted = await createReel('Deleted take', [a.id, doomed.id])
      expect((await call('DELETE', `/api/jobs/${doomed.id}`)).statusCode).toBe(204)
      expectError(await call('POST', `/api/reels/${deleted.id}/export`, {}), 409, /Shot 2 .* was deleted/)

      const sized = await createReel('Sized', [a.id])
      expectError(await call('POST', `/api/reels/${sized.id}/export`, { size: '1000x1000' }), 400, /not a size of the catalog/, 'size')
      expectError(await call('POST', `/api/reels/${sized.id}/export`, { size: 'big' }), 400, /WIDTHxHEIGHT/, 'size')
      expectError(await call('POST', `/api/reels/${sized.id}/export`, { transition: 'wipe' }), 400, /.+/, 'transition')

      for (const reel of [empty, unfinished, deleted, sized]) {
        expect(reelDetailSchema.parse((await call('GET', `/api/reels/${reel.id}`)).json()).export).toBeNull()
      }
      expect((await call('GET', `/api/reels/${sized.id}/video`)).statusCode).toBe(404)
    })
  })
})
