import fs from 'node:fs'
import { z } from '../../lib/zod'
import { modelEntrySchema, type ModelEntry, type ModelEntryInput } from '../../contract/catalog'
import { BUILT_IN_MODELS } from '../../contract/built-in-models'

/** One line naming the file, the entry and the field at fault. */
export class CatalogFileError extends Error {
  override readonly name = 'CatalogFileError'
}

const fileSchema = z.union([
  z.array(z.unknown()),
  z.pipe(
    z.strictObject({ models: z.array(z.unknown()) }),
    z.transform((file: { models: unknown[] }) => file.models),
  ),
])

type Raw = Record<string, unknown>
const isObject = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A file entry over a built-in one: fields replace, offers per provider merge. */
function overlay(base: ModelEntryInput, change: Raw): Raw {
  const providers = isObject(change.providers) ? change.providers : {}
  const baseProviders = (base.providers ?? {}) as Raw
  const merged: Raw = { ...baseProviders }
  for (const [name, offer] of Object.entries(providers)) {
    const before = baseProviders[name]
    merged[name] = isObject(offer) && isObject(before) ? { ...before, ...offer } : offer
  }
  return { ...base, ...change, providers: merged }
}

function describe(where: string, error: z.core.$ZodError): string {
  const issue = error.issues[0]
  const field = issue?.path.length ? issue.path.join('.') : '(entry)'
  return `${where}, field ${field}: ${issue?.message ?? 'invalid'}`
}

/**
 * The catalog: the built-in entries with the DAILIES_MODELS file laid over them (add a new id,
 * override fields of a known one, or retire it with `"status": "retired", "reason": …`).
 * Throws CatalogFileError on the first problem, so a bad file stops the start with one clear line.
 */
export function loadCatalog(
  file: string | null,
  read = (f: string) => fs.readFileSync(f, 'utf8'),
): ModelEntry[] {
  const entries = new Map<string, Raw>(BUILT_IN_MODELS.map((e) => [e.id, { ...e }]))
  if (file !== null) {
    const label = `DAILIES_MODELS (${file})`
    let text: string
    try {
      text = read(file)
    } catch (error) {
      throw new CatalogFileError(
        `${label}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      )
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch (error) {
      throw new CatalogFileError(`${label}: not JSON (${(error as Error).message})`)
    }
    const list = fileSchema.safeParse(json)
    if (!list.success)
      throw new CatalogFileError(`${label}: expected { "models": [ … ] } or a list of entries`)
    list.data.forEach((raw, index) => {
      const id = isObject(raw) && typeof raw.id === 'string' ? raw.id : null
      const where = `${label}: entry ${index + 1}${id ? ` ("${id}")` : ''}`
      if (!isObject(raw) || id === null)
        throw new CatalogFileError(`${where}, field id: every entry needs an id`)
      const known = BUILT_IN_MODELS.find((e) => e.id === id)
      const base = entries.get(id) as ModelEntryInput | undefined
      const candidate = known && base ? overlay(base, raw) : raw
      const parsed = modelEntrySchema.safeParse(candidate)
      if (!parsed.success) throw new CatalogFileError(describe(where, parsed.error))
      entries.set(id, candidate)
    })
  }
  return [...entries.values()].map((raw) => modelEntrySchema.parse(raw))
}
