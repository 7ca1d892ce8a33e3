/**
 * What a reel allows, and when its export is busy: without zod, so the gallery, which offers
 * "Make reel" on the first screen, carries no reel schema (decision 011). reels.ts checks them.
 */
export const REEL_NAME_MAX = 120
export const REEL_MAX_SHOTS = 100

export function isExportRunning(reel: { export: { status: string } | null }): boolean {
  return reel.export?.status === 'rendering'
}
