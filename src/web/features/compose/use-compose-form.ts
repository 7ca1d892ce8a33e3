import { useEffect, useMemo, useState } from 'react'
import { createJobFieldsSchemaFor } from '../../../contract/api'
import type { Capabilities } from '../../../contract/capabilities'
import { useCheckedForm } from '../../lib/use-checked-form'
import { loadDraft, saveDraft } from './draft'
import { COMPOSE_FIELDS, type ComposeFormApi, type ComposeValues } from './form-context'
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
 * The composer's state: the contract's fields, checked by the same schema and catalog the server
 * checks them with, the number of takes beside them, all restored from and saved to the draft.
 */
export function useComposeForm(caps: Capabilities) {
  const [initial] = useState(() => initialState(caps))
  const schema = useMemo(() => createJobFieldsSchemaFor(caps.models), [caps.models])
  const form: ComposeFormApi = useCheckedForm({
    initial: initial.values,
    schema,
    order: COMPOSE_FIELDS,
  })
  const [takes, setTakes] = useState(initial.takes)
  // A draft whose model went away says so at the Model field.
  const [notices, setNotices] = useState<Notices>(initial.notices)
  const { values } = form

  // Every change is written at once: a few kB to localStorage, and nothing is lost on a crash.
  useEffect(() => {
    saveDraft({ ...values, takes })
  }, [values, takes])

  /** Puts settings in the form, moving size and duration to ones the model has, and saying so. */
  const applySettings = (wanted: Partial<RenderSettings>) => {
    const { settings, notices: said } = reconcile(caps, wanted)
    const options = { check: form.submitted }
    form.setValue('model', settings.model, options)
    form.setValue('size', settings.size, options)
    form.setValue('seconds', settings.seconds, options)
    setNotices(said)
  }

  const current = (): RenderSettings => {
    const { model, size, seconds } = form.getValues()
    return { model, size, seconds }
  }

  return {
    form,
    takes,
    setTakes,
    notices,
    clearNotice: (which: keyof Notices) => setNotices((n) => ({ ...n, [which]: null })),
    applySettings,
    changeModel: (model: string) => applySettings({ ...current(), model }),
    values: { model: values.model, size: values.size, seconds: values.seconds },
  }
}
