import type { ModelEntryInput } from './catalog'

const SORA_RETIRED_BY_OPENAI =
  'OpenAI shut its Sora 2 API down on 2026-09-24. Use a gateway that still serves it (CometAPI), or a Veo model there'

const VEO_SIZES = [
  { size: '16x9', width: 1280, height: 720 },
  { size: '9x16', width: 720, height: 1280 },
]

/** A Veo alias as CometAPI serves it on /v1/videos: orientation hints, 8 s, first + last frame. */
function veo(id: string, label: string, description: string): ModelEntryInput {
  return {
    id,
    label,
    family: 'Veo',
    description,
    sizes: VEO_SIZES,
    seconds: 8,
    references: 2,
    remix: false,
    // CometAPI does not publish a per-second price for its Veo aliases: unknown, never invented.
    providers: { simulator: {}, cometapi: {}, custom: {} },
  }
}

/**
 * The models the studio knows without configuration (data only: src/server/catalog/ decides what
 * is offered; the simulator serves these). A deployment adds, overrides or retires
 * entries with the file named by DAILIES_MODELS; a custom gateway is offered every current entry
 * unless its GET /models says otherwise.
 */
export const BUILT_IN_MODELS: readonly ModelEntryInput[] = [
  {
    id: 'sora-2',
    label: 'Sora 2',
    family: 'Sora',
    description: 'Fast drafts with sound; one reference image; remix',
    sizes: ['720x1280', '1280x720'],
    seconds: [4, 8, 12],
    references: 1,
    remix: true,
    providers: {
      simulator: { price: 0.1 },
      cometapi: { price: 0.08 },
      openai: { price: 0.1, retired: SORA_RETIRED_BY_OPENAI },
      custom: {},
    },
  },
  {
    id: 'sora-2-pro',
    label: 'Sora 2 Pro',
    family: 'Sora',
    description: 'Higher fidelity, up to 1792 px; one reference image; remix',
    sizes: ['720x1280', '1280x720', '1024x1792', '1792x1024'],
    seconds: [4, 8, 12],
    references: 1,
    remix: true,
    providers: {
      simulator: { price: { default: 0.3, '1024x1792': 0.5, '1792x1024': 0.5 } },
      cometapi: { price: 0.24 },
      openai: {
        price: { default: 0.3, '1024x1792': 0.5, '1792x1024': 0.5 },
        retired: SORA_RETIRED_BY_OPENAI,
      },
      custom: {},
    },
  },
  veo('veo3.1', 'Veo 3.1', 'Google Veo 3.1 through the gateway; first and last frame'),
  veo('veo3.1-pro', 'Veo 3.1 Pro', 'Veo 3.1 at its highest quality; first and last frame'),
  veo('veo3', 'Veo 3', 'Google Veo 3 with sound; first and last frame'),
  veo('veo3-fast', 'Veo 3 Fast', 'Quicker, cheaper Veo 3 drafts; first and last frame'),
]
