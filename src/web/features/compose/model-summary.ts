import { formatUsd } from '../../lib/format'
import { aspectLabel } from './estimate'
import type { ModelCapabilities } from './settings'

export function priceLabel(model: ModelCapabilities): string {
  const prices = model.sizes.flatMap((s) => (s.pricePerSecond === null ? [] : [s.pricePerSecond]))
  if (prices.length < model.sizes.length) return 'price unknown'
  const low = Math.min(...prices)
  const high = Math.max(...prices)
  return low === high ? `${formatUsd(low)}/s` : `${formatUsd(low)}–${formatUsd(high)}/s`
}

export function referencesLabel(model: Pick<ModelCapabilities, 'references'>): string {
  return model.references === 2
    ? 'first + last frame'
    : model.references === 1
      ? '1 image'
      : 'text only'
}

/** "Sora 2 · 4, 8, 12 s · 9:16, 16:9 · 1 image · $0.10/s": what a model does, in one line. */
export function modelSummary(model: ModelCapabilities): string {
  const sizes = [...new Set(model.sizes.map((s) => aspectLabel(s.size)))].join(', ')
  const seconds = `${model.seconds.join(', ')} s`
  return [model.label, seconds, sizes, referencesLabel(model), priceLabel(model)].join(' · ')
}
