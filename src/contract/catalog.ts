import { z } from 'zod/mini'
import { PROVIDERS, type Provider } from './provider'

/**
 * The model catalog as data: one entry per model a provider may serve. The server owns which
 * entries exist (built-in plus DAILIES_MODELS); this file owns their shape and the check of a
 * request against a catalog value, shared by the BFF and the compose form.
 */

const PIXEL_SIZE = /^(\d{2,5})x(\d{2,5})$/

/** A pixel size (`1280x720`), or an orientation hint with the pixels used for preview and fitting. */
const pixelsSchema = z.number().check(z.int(), z.gte(16), z.lte(8192))
const sizeSpecSchema = z.union([
  z.pipe(
    z.string().check(z.regex(PIXEL_SIZE, 'a size is "WIDTHxHEIGHT" in pixels, or { size, width, height } for a hint')),
    z.transform((size: string) => {
      const [, w, h] = PIXEL_SIZE.exec(size) ?? []
      return { size, width: Number(w), height: Number(h) }
    }),
  ),
  z.strictObject({
    size: z.string().check(z.minLength(1), z.maxLength(40)),
    width: pixelsSchema,
    height: pixelsSchema,
  }),
])

/** USD per second of output: one number, or by size with an optional `default`. */
const priceSchema = z.union([
  z.number().check(z.nonnegative()),
  z.record(z.string(), z.number().check(z.nonnegative())),
])
export type Price = z.infer<typeof priceSchema>

const providerOfferSchema = z.strictObject({
  /** null or missing: the price is not known, and is shown as unknown. */
  price: z._default(z.nullable(priceSchema), null),
  /** This provider stopped serving the model: why, in words a person can act on. */
  retired: z._default(z.nullable(z.string().check(z.minLength(1))), null),
})

export const referenceCountSchema = z.union([z.literal(0), z.literal(1), z.literal(2)])
/** 0: text only; 1: one image (the first frame); 2: first frame and last frame. */
export type ReferenceCount = z.infer<typeof referenceCountSchema>

const entrySecondsSchema = z.number().check(z.int(), z.gte(1), z.lte(120))
export const modelEntrySchema = z
  .strictObject({
    /** What is sent as `model`. */
    id: z
      .string()
      .check(
        z.minLength(1),
        z.maxLength(100),
        z.regex(/^[A-Za-z0-9._:/-]+$/, 'an id is letters, digits and . _ : / -'),
      ),
    label: z.string().check(z.minLength(1), z.maxLength(80)),
    family: z.string().check(z.minLength(1), z.maxLength(40)),
    description: z._default(z.nullable(z.string().check(z.maxLength(200))), null),
    sizes: z.array(sizeSpecSchema).check(z.minLength(1)),
    /** A list to choose from, or one fixed value the provider renders (and is not sent). */
    seconds: z.union([entrySecondsSchema, z.array(entrySecondsSchema).check(z.minLength(1))]),
    references: referenceCountSchema,
    remix: z.boolean(),
    providers: z._default(z.partialRecord(z.enum(PROVIDERS), providerOfferSchema), {}),
    status: z._default(z.enum(['current', 'retired']), 'current'),
    reason: z._default(z.nullable(z.string().check(z.minLength(1))), null),
  })
  .check(
    z.refine((entry) => entry.status === 'current' || entry.reason !== null, {
      message: 'a retired entry needs a reason',
      path: ['reason'],
    }),
  )
export type ModelEntry = z.output<typeof modelEntrySchema>
/** An entry as written in the built-in list or the DAILIES_MODELS file. */
export type ModelEntryInput = z.input<typeof modelEntrySchema>

export const AVAILABILITIES = ['offered', 'retired', 'not_offered'] as const
export type Availability = (typeof AVAILABILITIES)[number]

/** One model as /api/capabilities tells the studio about it, for one provider. */
export const catalogModelSchema = z.object({
  id: z.string(),
  label: z.string(),
  family: z.string(),
  description: z.nullable(z.string()),
  sizes: z.array(
    z.object({
      size: z.string(),
      width: z.int(),
      height: z.int(),
      /** null: unknown, never invented. */
      pricePerSecond: z.nullable(z.number()),
    }),
  ),
  seconds: z.array(z.int()),
  /** true when the duration is the model's own and is not sent. */
  fixedSeconds: z.boolean(),
  references: referenceCountSchema,
  remix: z.boolean(),
  availability: z.enum(AVAILABILITIES),
  /** Why it is retired or not offered. */
  note: z.nullable(z.string()),
})
export type CatalogModel = z.infer<typeof catalogModelSchema>

export function priceFor(price: Price | null | undefined, size: string): number | null {
  if (price === null || price === undefined) return null
  if (typeof price === 'number') return price
  return price[size] ?? price.default ?? null
}

export function estimateCostUsd(
  model: CatalogModel | undefined,
  size: string,
  seconds: number,
): number | null {
  const perSecond = model?.sizes.find((s) => s.size === size)?.pricePerSecond ?? null
  return perSecond === null ? null : Math.round(perSecond * seconds * 100) / 100
}

const NOT_LISTED = 'not listed by the provider’s /models'

function availabilityOf(
  entry: ModelEntry,
  provider: Provider,
  listed: ReadonlySet<string> | null,
): { availability: Availability; note: string | null } {
  if (entry.status === 'retired') return { availability: 'retired', note: entry.reason }
  const offer = entry.providers[provider]
  // A custom gateway is offered every current entry unless its discovery says otherwise.
  if (!offer && provider !== 'custom') {
    return { availability: 'not_offered', note: `not served through ${provider}` }
  }
  if (offer?.retired) return { availability: 'retired', note: offer.retired }
  if (listed && !listed.has(entry.id)) return { availability: 'not_offered', note: NOT_LISTED }
  return { availability: 'offered', note: null }
}

/** The catalog's entries as one provider serves them; `listed` is what its GET /models said. */
export function catalogModelsFor(
  entries: readonly ModelEntry[],
  provider: Provider,
  listed: ReadonlySet<string> | null = null,
): CatalogModel[] {
  return entries.map((entry) => {
    const price = entry.providers[provider]?.price ?? null
    return {
      id: entry.id,
      label: entry.label,
      family: entry.family,
      description: entry.description,
      sizes: entry.sizes.map((s) => ({ ...s, pricePerSecond: priceFor(price, s.size) })),
      seconds: typeof entry.seconds === 'number' ? [entry.seconds] : [...entry.seconds],
      fixedSeconds: typeof entry.seconds === 'number',
      references: entry.references,
      remix: entry.remix,
      ...availabilityOf(entry, provider, listed),
    }
  })
}

const nameOf = (m: CatalogModel) => `${m.label} (${m.id})`

export function offeredModels(models: readonly CatalogModel[]): CatalogModel[] {
  return models.filter((m) => m.availability === 'offered')
}

/**
 * Why `id` cannot start a new take, naming what can; null when it can. Retry, Reuse and Remix
 * of a take whose model went away answer with these words too.
 */
export function unavailableModelMessage(
  models: readonly CatalogModel[],
  id: string,
): string | null {
  const model = models.find((m) => m.id === id)
  if (model?.availability === 'offered') return null
  const current = offeredModels(models).map(nameOf)
  const alternatives = current.length
    ? `Choose one of: ${current.join(', ')}.`
    : 'This provider offers no current model.'
  if (!model) return `The model "${id}" is not in this studio's catalog. ${alternatives}`
  const why =
    model.availability === 'retired'
      ? `is retired${model.note ? `: ${model.note}` : ''}`
      : `is not offered by this provider${model.note ? ` (${model.note})` : ''}`
  return `${nameOf(model)} ${why}. ${alternatives}`
}

export interface TakeSettings {
  model: string
  size: string
  seconds: number
}

/** What is wrong with these settings for the catalog, field by field. */
export function settingsIssues(
  models: readonly CatalogModel[],
  fields: TakeSettings,
): Array<{ path: 'model' | 'size' | 'seconds'; message: string }> {
  const unavailable = unavailableModelMessage(models, fields.model)
  if (unavailable) return [{ path: 'model', message: unavailable }]
  const model = models.find((m) => m.id === fields.model)
  if (!model) return []
  const issues: Array<{ path: 'model' | 'size' | 'seconds'; message: string }> = []
  const sizes = model.sizes.map((s) => s.size)
  if (!sizes.includes(fields.size)) {
    issues.push({
      path: 'size',
      message: `${model.label} renders ${sizes.join(' or ')}, not ${fields.size}`,
    })
  }
  if (!model.seconds.includes(fields.seconds)) {
    issues.push({
      path: 'seconds',
      message: `${model.label} renders ${model.seconds.join(', ')} seconds, not ${fields.seconds}`,
    })
  }
  return issues
}

/** Why this many reference images do not suit the model; null when they do. */
export function referenceIssue(model: CatalogModel, first: boolean, last: boolean): string | null {
  if (model.references === 0 && (first || last)) return `${model.label} takes no reference image`
  if (model.references === 1 && last)
    return `${model.label} takes one reference image, not a last frame`
  if (last && !first) return 'A last frame needs a first frame too'
  return null
}

export type { Provider }
