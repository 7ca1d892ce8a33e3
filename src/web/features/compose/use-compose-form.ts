import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { createJobFieldsSchema, type CreateJobFields } from '../../../contract/api'
import type { Capabilities } from '../../../contract/capabilities'
import { loadDraft, saveDraft } from './draft'
import type { ComposeFormApi, ComposeValues } from './form-context'
import { reconcile, type RenderSettings } from './settings'

export type Notices = { model: string | null; size: string | null; seconds: string | null }

function initialState(caps: Capabilities) {
  const draft = loadDraft()
  const { settings, notices } = reconcile(caps, draft)
  const values: ComposeValues = {
    prompt: draft.prompt ?? '',
    ...settings,
    fit: draft.fit ?? 'cover',
  }
  return { values, takes: draft.takes ?? 1, notices }
}

/**
 * The composer's state: the contract's fields in react-hook-form (validated by the contract's
 * own schema), the number of takes beside them, all restored from and saved to the draft.
 */
export function useComposeForm(caps: Capabilities) {
  const [initial] = useState(() => initialState(caps))
  const form: ComposeFormApi = useForm<ComposeValues, unknown, CreateJobFields>({
    resolver: zodResolver(createJobFieldsSchema),
    defaultValues: initial.values,
  })
  const [takes, setTakes] = useState(initial.takes)
  // A draft whose model went away says so at the Model field.
  const [notices, setNotices] = useState<Notices>(initial.notices)
  const values = useWatch({ control: form.control })

  // Every change is written at once: a few kB to localStorage, and nothing is lost on a crash.
  useEffect(() => {
    saveDraft({
      prompt: values.prompt,
      model: values.model,
      size: values.size,
      seconds: Number(values.seconds),
      fit: values.fit,
      takes,
    })
  }, [values, takes])

  /** Puts settings in the form, moving size and duration to ones the model has, and saying so. */
  const applySettings = (wanted: Partial<RenderSettings>) => {
    const { settings, notices: said } = reconcile(caps, wanted)
    const options = { shouldDirty: true, shouldValidate: form.formState.isSubmitted }
    form.setValue('model', settings.model, options)
    form.setValue('size', settings.size, options)
    form.setValue('seconds', settings.seconds, options)
    setNotices(said)
  }

  const current = (): RenderSettings => ({
    model: form.getValues('model'),
    size: form.getValues('size'),
    seconds: Number(form.getValues('seconds')),
  })

  return {
    form,
    takes,
    setTakes,
    notices,
    clearNotice: (which: keyof Notices) => setNotices((n) => ({ ...n, [which]: null })),
    applySettings,
    changeModel: (model: string) => applySettings({ ...current(), model }),
    values: {
      model: values.model ?? initial.values.model,
      size: values.size ?? initial.values.size,
      seconds: Number(values.seconds ?? initial.values.seconds),
    },
  }
}
