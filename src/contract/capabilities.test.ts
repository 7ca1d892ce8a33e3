import { describe, expect, it } from 'vitest'
import {
  capabilitiesFor,
  capabilitiesSchema,
  estimateCostUsd,
  modelAllows,
  pricePerSecond,
  sizeDimensions,
} from './capabilities'

describe('capability table', () => {
  it('lets sora-2 render only the 720p sizes and sora-2-pro all four', () => {
    expect(modelAllows('sora-2', '1280x720', 4)).toBe(true)
    expect(modelAllows('sora-2', '1792x1024', 4)).toBe(false)
    expect(modelAllows('sora-2-pro', '1024x1792', 12)).toBe(true)
    expect(modelAllows('sora-2-pro', '1280x720', 10)).toBe(false)
  })

  it('prices by provider, model and size', () => {
    expect(pricePerSecond('openai', 'sora-2', '720x1280')).toBe(0.1)
    expect(pricePerSecond('openai', 'sora-2-pro', '1280x720')).toBe(0.3)
    expect(pricePerSecond('openai', 'sora-2-pro', '1792x1024')).toBe(0.5)
    expect(pricePerSecond('cometapi', 'sora-2', '720x1280')).toBe(0.08)
    expect(pricePerSecond('cometapi', 'sora-2-pro', '1792x1024')).toBe(0.24)
    expect(pricePerSecond('simulator', 'sora-2-pro', '1024x1792')).toBe(0.5)
  })

  it('estimates the cost of a take in cents', () => {
    expect(estimateCostUsd('openai', { model: 'sora-2', size: '1280x720', seconds: 8 })).toBe(0.8)
    expect(estimateCostUsd('openai', { model: 'sora-2-pro', size: '1792x1024', seconds: 12 })).toBe(6)
  })

  it('splits a size into pixels', () => {
    expect(sizeDimensions('1024x1792')).toEqual({ width: 1024, height: 1792 })
  })

  it('publishes capabilities that satisfy their own schema', () => {
    const caps = capabilitiesFor('cometapi')
    expect(capabilitiesSchema.parse(caps)).toEqual(caps)
    expect(caps.models.map((m) => m.id)).toEqual(['sora-2', 'sora-2-pro'])
    expect(caps.models[0]?.sizes.map((s) => s.size)).toEqual(['720x1280', '1280x720'])
  })
})
