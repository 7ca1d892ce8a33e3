import type { Provider } from '../../contract/capabilities'

/** Provider names as people write them. */
export const PROVIDER_LABELS: Record<Provider, string> = {
  simulator: 'Simulator',
  cometapi: 'CometAPI',
  openai: 'OpenAI',
  custom: 'Custom gateway',
}
