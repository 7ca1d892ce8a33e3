import { useEffect, useRef, useState } from 'react'
import { useComposerHandoff, type ComposerPreset } from '../../lib/composer-handoff'
import type { ComposeFormApi } from './form-context'
import type { RenderSettings } from './settings'
import type { ReferenceApi } from './use-reference'

async function fetchAsFile(url: string, fileName: string): Promise<File> {
  const response = await fetch(new URL(url, document.baseURI))
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  const type = response.headers.get('content-type')?.split(';')[0] || 'image/png'
  return new File([await response.arrayBuffer()], fileName, { type })
}

export interface HandoffTargets {
  form: ComposeFormApi
  applySettings: (settings: Partial<RenderSettings>) => void
  reference: ReferenceApi
  /** Where the person continues: the prompt, ready to edit. */
  focusPrompt: () => void
}

/**
 * Applies settings sent from a take ("Reuse settings", "Continue from here") once each: the
 * prompt and settings at once, the reference image when its bytes have arrived.
 */
export function useHandoff({ form, applySettings, reference, focusPrompt }: HandoffTargets) {
  const { pending, markApplied } = useComposerHandoff()
  const applied = useRef(0)
  const [note, setNote] = useState<string | null>(null)

  const apply = (preset: ComposerPreset) => {
    form.setValue('prompt', preset.prompt, { shouldDirty: true })
    if (preset.fit) form.setValue('fit', preset.fit, { shouldDirty: true })
    applySettings({ model: preset.model, size: preset.size, seconds: preset.seconds })
    form.clearErrors()
    setNote(preset.note ?? null)
    if (preset.reference === null) reference.remove()
    if (preset.reference) {
      const { url, fileName } = preset.reference
      fetchAsFile(url, fileName).then(
        (file) => reference.choose(file),
        () =>
          reference.setError(`The reference image of that take could not be loaded (${fileName}).`),
      )
    }
    focusPrompt()
  }

  useEffect(() => {
    if (!pending || applied.current === pending.serial) return
    applied.current = pending.serial
    markApplied(pending.serial)
    apply(pending.preset)
  })

  return { note, dismissNote: () => setNote(null) }
}
