import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { jobSchema, type Job } from '../../contract/job'
import { createStudio, type Studio } from '../studio'
import { multipartBody } from '../testing/multipart'
import { FAST_SCHEDULE, testStudioConfig } from '../testing/test-studio'

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-undo-'))
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

/** A studio on `dataDir`, started again on the same folder as a restart would. */
async function start(deleteGraceS: number): Promise<Studio> {
  return createStudio(await testStudioConfig(dataDir, { deleteGraceS }), { schedule: FAST_SCHEDULE })
}

async function finishedTake(studio: Studio, prompt: string): Promise<Job> {
  const body = multipartBody({ prompt, model: 'sora-2', size: '1280x720', seconds: '4' })
  const created = jobSchema.parse((await studio.app.inject({ method: 'POST', url: '/api/jobs', ...body })).json())
  for (let i = 0; i < 600; i++) {
    const reply = await studio.app.inject({ method: 'GET', url: `/api/jobs/${created.id}` })
    const job = jobSchema.parse(reply.json())
    if (job.status === 'completed') return job
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`${created.id} did not finish`)
}

const status = async (studio: Studio, url: string) => (await studio.app.inject({ method: 'GET', url })).statusCode
const files = (id: string) => {
  const dir = path.join(dataDir, 'vault', id)
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []
}

it('three quick deletes, the second undone: after the grace period and a restart, only it is left, files and all', async () => {
  let studio = await start(1)
  const takes = [
    await finishedTake(studio, 'first take to cull'),
    await finishedTake(studio, 'second take, kept by undo'),
    await finishedTake(studio, 'third take to cull'),
  ]
  const [first, second, third] = takes as [Job, Job, Job]
  const before = files(second.id)
  const video = (await studio.app.inject({ method: 'GET', url: `/api/jobs/${second.id}/video` })).rawPayload

  for (const take of takes) {
    expect((await studio.app.inject({ method: 'DELETE', url: `/api/jobs/${take.id}` })).statusCode).toBe(204)
  }
  const undo = await studio.app.inject({ method: 'POST', url: `/api/jobs/${second.id}/restore` })
  expect(undo.statusCode).toBe(200)
  expect(jobSchema.parse(undo.json())).toEqual(second)

  // Gone from every read at once, but the files wait out the grace period.
  expect(await status(studio, `/api/jobs/${first.id}`)).toBe(404)
  expect(await status(studio, `/api/jobs/${third.id}`)).toBe(404)
  expect(files(first.id)).not.toEqual([])
  const deadline = Date.now() + 15_000
  while ((files(first.id).length > 0 || files(third.id).length > 0) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  expect(files(first.id)).toEqual([])
  expect(files(third.id)).toEqual([])
  await studio.close()

  studio = await start(1)
  expect(await status(studio, `/api/jobs/${first.id}`)).toBe(404)
  expect(await status(studio, `/api/jobs/${third.id}`)).toBe(404)
  expect((await studio.app.inject({ method: 'POST', url: `/api/jobs/${first.id}/restore` })).statusCode).toBe(404)
  expect(jobSchema.parse((await studio.app.inject({ method: 'GET', url: `/api/jobs/${second.id}` })).json())).toEqual(second)
  expect(files(second.id)).toEqual(before)
  const again = await studio.app.inject({ method: 'GET', url: `/api/jobs/${second.id}/video` })
  expect(again.rawPayload.equals(video)).toBe(true)
  await studio.close()
}, 120_000)

it('a take deleted just before the studio stops is purged, files and all, when it starts again', async () => {
  let studio = await start(3600)
  const take = await finishedTake(studio, 'deleted just before a stop')
  await studio.app.inject({ method: 'DELETE', url: `/api/jobs/${take.id}` })
  expect(files(take.id)).not.toEqual([])
  await studio.close()

  studio = await start(3600)
  expect(files(take.id)).toEqual([])
  expect((await studio.app.inject({ method: 'POST', url: `/api/jobs/${take.id}/restore` })).statusCode).toBe(404)
  await studio.close()
}, 60_000)
