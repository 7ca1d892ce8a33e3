import type { Capabilities } from '../../../contract/capabilities'
import { sizeDimensions } from '../../../contract/size-dimensions'
import { formatSize, orientationOf } from '../../lib/format'

export type ModelCapabilities = Capabilities['models'][number]

export interface RenderSettings {
  model: string
  size: string
  seconds: number
}

/** A model a new take may use: offered by this provider, not retired. */
export function findModel(caps: Capabilities, id: string): ModelCapabilities | undefined {
  return caps.models.find((m) => m.id === id && m.availability === 'offered')
}

export function offeredModels(caps: Capabilities): ModelCapabilities[] {
  return caps.models.filter((m) => m.availability === 'offered')
}

/** The first model, in landscape when it offers one (footage is usually cut 16:9), at its shortest length. */
export function defaultSettings(caps: Capabilities): RenderSettings {
  const model = offeredModels(caps)[0]
  if (!model) throw new Error('The provider offers none of the catalog’s models')
  const size = model.sizes.find((s) => orientationOf(s.size) === 'landscape') ?? model.sizes[0]
  if (!size) throw new Error(`${model.label} offers no sizes`)
  return { model: model.id, size: size.size, seconds: model.seconds[0] ?? 4 }
}

function pixels(size: string): number {
  const { width, height } = sizeDimensions(size)
  return width * height
}

/** The size of `model` closest to `size`: same orientation first, then the nearest pixel count. */
export function nearestSize(model: ModelCapabilities, size: string): string {
  const score = (candidate: string) =>
    (orientationOf(candidate) === orientationOf(size) ? 0 : 1e9) +
    Math.abs(pixels(candidate) - pixels(size))
  const sorted = [...model.sizes].sort((a, b) => score(a.size) - score(b.size))
  return sorted[0]?.size ?? size
}

export function nearestSeconds(model: ModelCapabilities, seconds: number): number {
  const sorted = [...model.seconds].sort((a, b) => Math.abs(a - seconds) - Math.abs(b - seconds))
  return sorted[0] ?? seconds
}

export interface Reconciled {
  settings: RenderSettings
  /** Said at the field when a choice was not available, e.g. after a model switch. */
  notices: { model: string | null; size: string | null; seconds: string | null }
}

/** Why a model asked for (by Reuse settings, say) cannot be used here. */
function unavailableNotice(caps: Capabilities, id: string, instead: ModelCapabilities): string {
  const known = caps.models.find((m) => m.id === id)
  const name = known?.label ?? id
  const why = !known
    ? 'is no longer in the catalog'
    : known.availability === 'retired'
      ? `is retired${known.note ? ` (${known.note})` : ''}`
      : 'is not offered by this provider'
  return `${name} ${why}, so Model switched to ${instead.label}.`
}

/** Makes settings valid for the capabilities, keeping as much of the choice as it can. */
export function reconcile(caps: Capabilities, wanted: Partial<RenderSettings>): Reconciled {
  const fallback = defaultSettings(caps)
  const model = (wanted.model && findModel(caps, wanted.model)) || findModel(caps, fallback.model)
  if (!model) return { settings: fallback, notices: { model: null, size: null, seconds: null } }
  const size = wanted.size ?? fallback.size
  const seconds = wanted.seconds ?? fallback.seconds
  const validSize = model.sizes.some((s) => s.size === size) ? size : nearestSize(model, size)
  const validSeconds = model.seconds.includes(seconds) ? seconds : nearestSeconds(model, seconds)
  return {
    settings: { model: model.id, size: validSize, seconds: validSeconds },
    notices: {
      model:
        wanted.model && wanted.model !== model.id
          ? unavailableNotice(caps, wanted.model, model)
          : null,
      size:
        validSize === size
          ? null
          : `${model.label} has no ${formatSize(size)}, so Size switched to ${formatSize(validSize)}.`,
      seconds:
        validSeconds === seconds
          ? null
          : `${model.label} has no ${seconds} s take, so Duration switched to ${validSeconds} s.`,
    },
  }
}
