import { useFormContext, type UseFormReturn } from 'react-hook-form'
import type { CreateJobFields, CreateJobInput } from '../../../contract/api'

/** The composer's fields are exactly the contract's create fields; takes and the image live beside them. */
export type ComposeValues = CreateJobInput
export type ComposeFormApi = UseFormReturn<ComposeValues, unknown, CreateJobFields>

export function useComposeFormContext(): ComposeFormApi {
  return useFormContext<ComposeValues, unknown, CreateJobFields>()
}
