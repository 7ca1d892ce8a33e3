import { useQuery } from '@tanstack/react-query'
import { useCallback } from 'react'
import { BUILT_IN_MODELS } from '../../contract/built-in-models'
import type { Job } from '../../contract/job'
import { capabilityQueries } from './capability-queries'
import { formatSize } from './format'

/**
 * A model's name as this studio's catalog gives it (models from DAILIES_MODELS and retired ones
 * included); until the catalog has loaded, the built-in names; a model nobody knows keeps its id.
 */
export function useModelLabel(): (model: Job['model']) => string {
  const models = useQuery(capabilityQueries.current()).data?.models
  return useCallback(
    (model) => (models ?? BUILT_IN_MODELS).find((m) => m.id === model)?.label ?? model,
    [models],
  )
}

/** "Sora 2 · 1280 × 720 · 8 s", with the model named as useModelLabel names it. */
export function useSettingsLine(): (job: Pick<Job, 'model' | 'size' | 'seconds'>) => string {
  const modelLabel = useModelLabel()
  return useCallback(
    (job) => `${modelLabel(job.model)} · ${formatSize(job.size)} · ${job.seconds} s`,
    [modelLabel],
  )
}
