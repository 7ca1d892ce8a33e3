import { z } from 'zod/mini'

/** Where renders go: the built-in simulator, CometAPI, OpenAI, or any compatible gateway. */
export const PROVIDERS = ['simulator', 'cometapi', 'openai', 'custom'] as const
export const providerSchema = z.enum(PROVIDERS)
export type Provider = z.infer<typeof providerSchema>
