import { z } from 'zod/mini'
import { catalogModelSchema } from './catalog'
import { providerSchema } from './provider'

export { PROVIDERS, providerSchema, type Provider } from './provider'

/**
 * What /api/capabilities tells the studio: the provider, the models of the live catalog as this
 * provider serves them (src/server/catalog/ decides which exist), and the upload limits.
 */
export const PROMPT_MAX_LENGTH = 32_000
export const UPLOAD_LIMITS = {
  maxBytes: 20 * 1024 * 1024,
  maxPixels: 40_000_000,
  types: ['image/png', 'image/jpeg', 'image/webp'],
} as const

export const capabilitiesSchema = z.object({
  provider: providerSchema,
  promptMaxLength: z.int(),
  /** Every catalog entry, offered or not: the gallery still filters by retired models. */
  models: z.array(catalogModelSchema),
  upload: z.object({
    maxBytes: z.int(),
    maxPixels: z.int(),
    types: z.array(z.string()),
  }),
})
export type Capabilities = z.infer<typeof capabilitiesSchema>
