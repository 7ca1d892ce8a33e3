import { BUILT_IN_MODELS } from '../../contract/built-in-models'
import {
  PROMPT_MAX_LENGTH,
  UPLOAD_LIMITS,
  type Capabilities,
  type Provider,
} from '../../contract/capabilities'
import { catalogModelsFor, modelEntrySchema } from '../../contract/catalog'

/** What /api/capabilities answers for the built-in catalog on `provider`, as component tests see it. */
export function testCapabilities(
  provider: Provider = 'simulator',
  listed: string[] | null = null,
): Capabilities {
  const entries = BUILT_IN_MODELS.map((entry) => modelEntrySchema.parse(entry))
  return {
    provider,
    promptMaxLength: PROMPT_MAX_LENGTH,
    models: catalogModelsFor(entries, provider, listed ? new Set(listed) : null),
    upload: { ...UPLOAD_LIMITS, types: [...UPLOAD_LIMITS.types] },
  }
}
