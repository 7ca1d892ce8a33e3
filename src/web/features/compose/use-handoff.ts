import { useEffect, useRef, useState } from 'react'
import { useComposerHandoff, type ComposerPreset } from '../../lib/composer-handoff'
import type { ComposeFormApi, ComposeValues } from './form-context'
import type { RenderSettings } from './settings'
import type { ReferenceApi } from './use-reference'

async function fetchAsFile(url: string, fileName: string): Promise<File> {
  const response = await fetch(new URL(url, document.baseURI))
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  const type = response.headers.get('content-type')?.split(';')[0] || 'image/png'
  return new File([await response.arrayBuffer()], fileName, { type })
}

interface Draft {
  values: ComposeValues
  reference: File | null
}

export interface HandoffTargets {
  form: ComposeFormApi
  applySettings: (settings: Partial<RenderSettings>) => void
  reference: ReferenceApi
  lastFrame: ReferenceApi
  /** Where the person continues: the prompt, ready to edit. */
  focusPrompt: () => void
}

/**
 * Applies settings sent from a take ("Reuse settings", "Continue from here") once each: the
 * prompt and settings at once, the reference image when its bytes have arrived.
 */
export function useHandoff({ form, applySettings, reference, lastFrame, focusPrompt }: HandoffTargets) {
  const { pending, markApplied } = useComposerHandoff()
  const applied = useRef(0)
  const [note, setNote] = useState<string | null>(null)
  // The draft a handoff replaced, while its note is shown: Undo puts it back.
  const [replaced, setReplaced] = useState<Draft | null>(null)

  const apply = (preset: ComposerPreset) => {
    const before = form.getValues()
    const had = before.prompt.trim() !== '' && before.prompt !== preset.prompt
    setReplaced(had ? { values: before, reference: reference.image?.file ?? null } : null)
    form.setValue('prompt', preset.prompt)
    if (preset.fit) form.setValue('fit', preset.fit)
    applySettings({ model: preset.model, size: preset.size, seconds: preset.seconds })
    form.clearErrors()
    setNote(preset.note ?? null)
    const fill = (slot: ReferenceApi, given: ComposerPreset['reference'], what: string) => {
      if (given === null) slot.remove()
      if (!given) return
      const { url, fileName } = given
      fetchAsFile(url, fileName).then(
        (file) => slot.choose(file),
        () => slot.setError(`The ${what} of that take could not be loaded (${fileName}).`),
      )
    }
    fill(reference, preset.reference, 'reference image')
    // Continue from here fills the first slot only: a last frame from before would not fit.
    fill(lastFrame, preset.lastFrame === undefined ? null : preset.lastFrame, 'last frame')
    focusPrompt()
  }

  useEffect(() => {
    if (!pending || applied.current === pending.serial) return
    applied.current = pending.serial
    markApplied(pending.serial)
    apply(pending.preset)
  })

  const undo = (draft: Draft) => {
    const { prompt, fit, model, size, seconds } = draft.values
    form.setValue('prompt', prompt)
    form.setValue('fit', fit)
    applySettings({ model, size, seconds })
    if (draft.reference) reference.choose(draft.reference)
    else reference.remove()
    setNote(null)
    setReplaced(null)
    focusPrompt()
  }

  return {
    note,
    dismissNote: () => {
      setNote(null)
      setReplaced(null)
    },
    /** Present when the handoff replaced a half-written prompt. */
    undo: replaced ? () => undo(replaced) : null,
  }
}
