import { BUILT_IN_MODELS } from '../contract/built-in-models'
import { modelEntrySchema, type ModelEntry } from '../contract/catalog'

/** A model as the simulator serves it. */
export interface SimModel {
  id: string
  sizes: ReadonlyArray<{ size: string; width: number; height: number }>
  /** The durations a request may ask for; empty when the model's duration is fixed. */
  seconds: readonly string[]
  /** The one duration of a fixed-length model, which a request need not send. */
  fixedSeconds: number | null
  references: number
  /**
   * Answers in CometAPI's Veo shape: `task_` ids, the alias resolved to a backend id in `model`,
   * `seconds: ""`, any reference size accepted and fitted, DELETE cancels a running task.
   */
  gateway: boolean
  /** What the reply's `model` says. */
  resolvedId: string
}

/** CometAPI answers a Veo alias with the backend model it resolved to. */
const RESOLVED: Record<string, string> = {
  'veo3.1': 'veo_3_1-4K',
  'veo3.1-pro': 'veo_3_1-pro-4K',
  veo3: 'veo_3',
  'veo3-fast': 'veo_3-fast',
}

function toSimModel(entry: ModelEntry): SimModel {
  const fixed = typeof entry.seconds === 'number' ? entry.seconds : null
  const gateway = entry.family.toLowerCase() === 'veo'
  return {
    id: entry.id,
    sizes: entry.sizes,
    seconds: fixed === null ? (entry.seconds as number[]).map(String) : [],
    fixedSeconds: fixed,
    references: entry.references,
    gateway,
    resolvedId: gateway ? (RESOLVED[entry.id] ?? entry.id.replace(/\./g, '_')) : entry.id,
  }
}

/** Every current catalog entry (the built-in list unless the studio hands over its own). */
export function simulatorModels(entries?: readonly ModelEntry[]): Map<string, SimModel> {
  const all = entries ?? BUILT_IN_MODELS.map((e) => modelEntrySchema.parse(e))
  return new Map(all.filter((e) => e.status === 'current').map((e) => [e.id, toSimModel(e)]))
}
