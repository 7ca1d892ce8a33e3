import type { Capabilities, ModelId, Size } from '../../../contract/capabilities'
import { sizeDimensions } from '../../../contract/capabilities'
import { formatSize, orientationOf } from '../../lib/format'

export type ModelCapabilities = Capabilities['models'][number]

export interface RenderSettings {
  model: ModelId
  size: Size
  seconds: number
}

export function findModel(caps: Capabilities, id: string): ModelCapabilities | undefined {
  return caps.models.find((m) => m.id === id)
}

/** The first model, in landscape when it offers one (footage is usually cut 16:9), at its shortest length. */
export function defaultSettings(caps: Capabilities): RenderSettings {
  const model = caps.models[0]
  if (!model) throw new Error('The server offers no models')
  const size = model.sizes.find((s) => orientationOf(s.size) === 'landscape') ?? model.sizes[0]
  if (!size) throw new Error(`${model.label} offers no sizes`)
  return { model: model.id, size: size.size, seconds: model.seconds[0] ?? 4 }
}

function pixels(size: Size): number {
  const { width, height } = sizeDimensions(size)
  return width * height
}

/** The size of `model` closest to `size`: same orientation first, then the nearest pixel count. */
export function nearestSize(model: ModelCapabilities, size: Size): Size {
  const score = (candidate: Size) =>
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
  notices: { size: string | null; seconds: string | null }
}

/** Makes settings valid for the capabilities, keeping as much of the choice as it can. */
export function reconcile(caps: Capabilities, wanted: Partial<RenderSettings>): Reconciled {
  const fallback = defaultSettings(caps)
  const model = (wanted.model && findModel(caps, wanted.model)) || findModel(caps, fallback.model)
  if (!model) return { settings: fallback, notices: { size: null, seconds: null } }
  const size = wanted.size ?? fallback.size
  const seconds = wanted.seconds ?? fallback.seconds
  const validSize = model.sizes.some((s) => s.size === size) ? size : nearestSize(model, size)
  const validSeconds = model.seconds.includes(seconds) ? seconds : nearestSeconds(model, seconds)
  return {
    settings: { model: model.id, size: validSize, seconds: validSeconds },
    notices: {
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
