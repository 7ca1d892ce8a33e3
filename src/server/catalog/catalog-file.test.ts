import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { catalogModelsFor } from '../../contract/catalog'
import { ConfigError, loadConfig } from '../config'
import { loadCatalog } from './catalog-file'

const dirs: string[] = []
function file(content: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-models-'))
  dirs.push(dir)
  const name = path.join(dir, 'models.json')
  fs.writeFileSync(name, typeof content === 'string' ? content : JSON.stringify(content))
  return name
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

const veoFast = {
  id: 'veo3.1-fast',
  label: 'Veo 3.1 Fast',
  family: 'Veo',
  sizes: [{ size: '16x9', width: 1280, height: 720 }],
  seconds: 8,
  references: 2,
  remix: false,
  providers: { cometapi: { price: 0.05 } },
}

describe('the catalog file (DAILIES_MODELS)', () => {
  it('adds a new model beside the built-in ones', () => {
    const entries = loadCatalog(file({ models: [veoFast] }))
    expect(entries.map((e) => e.id)).toEqual([
      'sora-2',
      'sora-2-pro',
      'veo3.1',
      'veo3.1-pro',
      'veo3',
      'veo3-fast',
      'veo3.1-fast',
    ])
    const added = catalogModelsFor(entries, 'cometapi').find((m) => m.id === 'veo3.1-fast')
    expect(added).toMatchObject({
      availability: 'offered',
      seconds: [8],
      fixedSeconds: true,
      references: 2,
    })
    expect(added?.sizes).toEqual([{ size: '16x9', width: 1280, height: 720, pricePerSecond: 0.05 }])
  })

  it('overrides only the fields given, merging one provider’s price into the others', () => {
    const entries = loadCatalog(
      file([{ id: 'sora-2', label: 'Sora 2 (gateway)', providers: { cometapi: { price: 0.07 } } }]),
    )
    const sora = entries.find((e) => e.id === 'sora-2')
    expect(sora).toMatchObject({ label: 'Sora 2 (gateway)', seconds: [4, 8, 12], references: 1 })
    expect(sora?.providers.cometapi?.price).toBe(0.07)
    expect(sora?.providers.simulator?.price).toBe(0.1)
    expect(sora?.providers.openai?.retired).toMatch(/2026-09-24/)
  })

  it('retires a model with its reason', () => {
    const entries = loadCatalog(
      file({ models: [{ id: 'veo3', status: 'retired', reason: 'Use Veo 3.1 instead' }] }),
    )
    const veo3 = catalogModelsFor(entries, 'cometapi').find((m) => m.id === 'veo3')
    expect(veo3).toMatchObject({ availability: 'retired', note: 'Use Veo 3.1 instead' })
  })

  it.each([
    ['not JSON', '{ models: ', /DAILIES_MODELS \(.*models\.json\): not JSON/],
    ['not a list', { models: 'veo' }, /expected \{ "models": \[ … \] \} or a list of entries/],
    [
      'an entry without id',
      { models: [{ label: 'x' }] },
      /entry 1, field id: every entry needs an id/,
    ],
    [
      'a bad size',
      { models: [{ ...veoFast, sizes: ['wide'] }] },
      /entry 1 \("veo3\.1-fast"\), field sizes\.0/,
    ],
    [
      'an unknown field',
      { models: [{ ...veoFast, fps: 24 }] },
      /entry 1 \("veo3\.1-fast"\), field \(entry\): Unrecognized key: "fps"/,
    ],
    [
      'a retirement without reason',
      { models: [{ id: 'veo3', status: 'retired' }] },
      /entry 1 \("veo3"\), field reason: a retired entry needs a reason/,
    ],
  ])(
    'stops the start on %s, with one line naming the file, the entry and the field',
    (_what, content, message) => {
      const name = file(content)
      expect(() => loadConfig({ DAILIES_MODELS: name })).toThrow(ConfigError)
      expect(() => loadConfig({ DAILIES_MODELS: name })).toThrow(message)
    },
  )

  it('names a file it cannot read', () => {
    expect(() => loadConfig({ DAILIES_MODELS: '/nonexistent/models.json' })).toThrow(
      'DAILIES_MODELS (/nonexistent/models.json): cannot read the file (ENOENT)',
    )
  })

  it('reads the age limit in minutes, 60 by default', () => {
    expect(loadConfig({}).jobMaxAgeMs).toBe(3_600_000)
    expect(loadConfig({ DAILIES_JOB_MAX_AGE_MINUTES: '5' }).jobMaxAgeMs).toBe(300_000)
    expect(() => loadConfig({ DAILIES_JOB_MAX_AGE_MINUTES: '0' })).toThrow(
      /DAILIES_JOB_MAX_AGE_MINUTES/,
    )
  })
})
