import { useQuery } from '@tanstack/react-query'
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react'
import { BUILT_IN_MODELS } from '../../contract/built-in-models'
import type { Job } from '../../contract/job'
import { capabilityQueries } from './capability-queries'
import { formatSize } from './format'

type ModelLabel = (model: Job['model']) => string

const labelFrom =
  (models: ReadonlyArray<{ id: string; label: string }>): ModelLabel =>
  (model) =>
    models.find((m) => m.id === model)?.label ?? model

const ModelLabelContext = createContext<ModelLabel>(labelFrom(BUILT_IN_MODELS))

/**
 * Names models for everything below it from one read of the catalog. One provider at the root,
 * not a query per caller: a gallery draws hundreds of tiles, and an observer each (two per tile)
 * was a fifth of the scroll's script time and re-rendered every tile when the catalog arrived.
 */
export function ModelLabelProvider({ children }: { children: ReactNode }) {
  const models = useQuery(capabilityQueries.current()).data?.models
  const label = useMemo(() => labelFrom(models ?? BUILT_IN_MODELS), [models])
  return <ModelLabelContext value={label}>{children}</ModelLabelContext>
}

/**
 * A model's name as this studio's catalog gives it (models from DAILIES_MODELS and retired ones
 * included); until the catalog has loaded, the built-in names; a model nobody knows keeps its id.
 */
export function useModelLabel(): ModelLabel {
  return useContext(ModelLabelContext)
}

/** "Sora 2 · 1280 × 720 · 8 s", with the model named as useModelLabel names it. */
export function useSettingsLine(): (job: Pick<Job, 'model' | 'size' | 'seconds'>) => string {
  const modelLabel = useModelLabel()
  return useCallback(
    (job) => `${modelLabel(job.model)} · ${formatSize(job.size)} · ${job.seconds} s`,
    [modelLabel],
  )
}
