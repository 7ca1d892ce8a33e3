import { z } from 'zod'

/**
 * The one capability table: which models exist, what each accepts, and what a second costs.
 * Prices are list prices per provider; the simulator and custom gateways quote OpenAI's.
 */
export const MODEL_IDS = ['sora-2', 'sora-2-pro'] as const
export const SIZES = ['720x1280', '1280x720', '1024x1792', '1792x1024'] as const
export const SECONDS = [4, 8, 12] as const
export const PROVIDERS = ['simulator', 'cometapi', 'openai', 'custom'] as const

export const modelIdSchema = z.enum(MODEL_IDS)
export const sizeSchema = z.enum(SIZES)
export const providerSchema = z.enum(PROVIDERS)
export type ModelId = z.infer<typeof modelIdSchema>
export type Size = z.infer<typeof sizeSchema>
export type Provider = z.infer<typeof providerSchema>

export const PROMPT_MAX_LENGTH = 32_000
export const UPLOAD_LIMITS = {
  maxBytes: 20 * 1024 * 1024,
  maxPixels: 40_000_000,
  types: ['image/png', 'image/jpeg', 'image/webp'],
} as const

type PriceList = Partial<Record<Size, number>> & { default: number }

interface ModelSpec {
  label: string
  sizes: readonly Size[]
  seconds: readonly number[]
  /** USD per second of output, by price book. */
  prices: { list: PriceList; cometapi: PriceList }
}

export const MODEL_TABLE: Record<ModelId, ModelSpec> = {
  'sora-2': {
    label: 'Sora 2',
    sizes: ['720x1280', '1280x720'],
    seconds: SECONDS,
    prices: { list: { default: 0.1 }, cometapi: { default: 0.08 } },
  },
  'sora-2-pro': {
    label: 'Sora 2 Pro',
    sizes: SIZES,
    seconds: SECONDS,
    prices: {
      list: { default: 0.3, '1024x1792': 0.5, '1792x1024': 0.5 },
      cometapi: { default: 0.24 },
    },
  },
}

function priceBook(provider: Provider): keyof ModelSpec['prices'] {
  return provider === 'cometapi' ? 'cometapi' : 'list'
}

export function pricePerSecond(provider: Provider, model: ModelId, size: Size): number {
  const list = MODEL_TABLE[model].prices[priceBook(provider)]
  return list[size] ?? list.default
}

export function estimateCostUsd(
  provider: Provider,
  job: { model: ModelId; size: Size; seconds: number },
): number {
  return Math.round(pricePerSecond(provider, job.model, job.size) * job.seconds * 100) / 100
}

export function sizeDimensions(size: Size): { width: number; height: number } {
  const [width, height] = size.split('x').map(Number) as [number, number]
  return { width, height }
}

export function modelAllows(model: ModelId, size: Size, seconds: number): boolean {
  const spec = MODEL_TABLE[model]
  return spec.sizes.includes(size) && spec.seconds.includes(seconds)
}

export const capabilitiesSchema = z.object({
  provider: providerSchema,
  promptMaxLength: z.number().int(),
  models: z.array(
    z.object({
      id: modelIdSchema,
      label: z.string(),
      sizes: z.array(
        z.object({
          size: sizeSchema,
          width: z.number().int(),
          height: z.number().int(),
          pricePerSecond: z.number(),
        }),
      ),
      seconds: z.array(z.number().int()),
    }),
  ),
  upload: z.object({
    maxBytes: z.number().int(),
    maxPixels: z.number().int(),
    types: z.array(z.string()),
  }),
})
export type Capabilities = z.infer<typeof capabilitiesSchema>

export function capabilitiesFor(provider: Provider): Capabilities {
  return {
    provider,
    promptMaxLength: PROMPT_MAX_LENGTH,
    models: MODEL_IDS.map((id) => ({
      id,
      label: MODEL_TABLE[id].label,
      sizes: MODEL_TABLE[id].sizes.map((size) => ({
        size,
        ...sizeDimensions(size),
        pricePerSecond: pricePerSecond(provider, id, size),
      })),
      seconds: [...MODEL_TABLE[id].seconds],
    })),
    upload: { ...UPLOAD_LIMITS, types: [...UPLOAD_LIMITS.types] },
  }
}
