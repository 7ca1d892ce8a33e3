import { createContext, useContext } from 'react'
import type { CreateJobFields } from '../../../contract/api'
import type { CheckedForm } from '../../lib/use-checked-form'

/** The composer's fields are the contract's create fields; takes and the images live beside them. */
export type ComposeValues = Omit<CreateJobFields, 'group'>
export type ComposeField = keyof ComposeValues
/** The fields in their order on screen: the first invalid one gets the focus. */
export const COMPOSE_FIELDS = [
  'prompt',
  'model',
  'size',
  'seconds',
  'fit',
] as const satisfies readonly ComposeField[]
export type ComposeFormApi = CheckedForm<ComposeValues, CreateJobFields>

export const ComposeFormContext = createContext<ComposeFormApi | null>(null)

export function useComposeFormContext(): ComposeFormApi {
  const form = useContext(ComposeFormContext)
  if (!form) throw new Error('A compose field is used outside the compose form')
  return form
}
