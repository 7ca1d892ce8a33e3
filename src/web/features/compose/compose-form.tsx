import { useRef, useState, type KeyboardEvent } from 'react'
import type { Capabilities } from '../../../contract/capabilities'
import { ChoiceField } from './choice-field'
import { MAX_TAKES } from './draft'
import { estimate } from './estimate'
import { ComposeFormContext } from './form-context'
import { HandoffNote } from './handoff-note'
import { ModelField } from './model-field'
import { PromptField } from './prompt-field'
import { ReferenceField } from './reference-field'
import { findModel, offeredModels } from './settings'
import { SizeField } from './size-field'
import { SubmitBar } from './submit-bar'
import { SubmitFeedback } from './submit-feedback'
import { useComposeForm } from './use-compose-form'
import { useHandoff } from './use-handoff'
import { usePageImage } from './use-page-image'
import { useReference } from './use-reference'
import { useSubmit } from './use-submit'

const TAKE_CHOICES = Array.from({ length: MAX_TAKES }, (_, i) => i + 1)

/** The form that starts every render: prompt, settings from the server, reference, takes. */
export function ComposeForm({ capabilities }: { capabilities: Capabilities }) {
  const compose = useComposeForm(capabilities)
  const { form, takes, values, notices } = compose
  const reference = useReference(capabilities.upload)
  const lastFrame = useReference(capabilities.upload, 'last-frame')
  const [dropped, setDropped] = useState<string | null>(null)
  const formRef = useRef<HTMLFormElement>(null)
  const handoff = useHandoff({
    form,
    reference,
    lastFrame,
    applySettings: compose.applySettings,
    focusPrompt: () => form.focus('prompt'),
  })
  usePageImage(reference.choose)

  const model = findModel(capabilities, values.model) ?? offeredModels(capabilities)[0]
  // Only the images the chosen model takes are sent.
  const submit = useSubmit(
    form,
    model?.references ? reference : null,
    takes,
    model?.references === 2 ? lastFrame : null,
    model?.sizes,
  )

  /** Switches model, keeping what still applies and saying what was dropped. */
  const changeModel = (id: string) => {
    compose.changeModel(id)
    const next = findModel(capabilities, id)
    if (!next) return
    const gone: string[] = []
    if (next.references === 0 && reference.image) {
      reference.remove()
      gone.push('the reference image')
    }
    if (next.references < 2 && lastFrame.image) {
      lastFrame.remove()
      gone.push('the last frame')
    }
    setDropped(gone.length ? `${next.label} ${next.references === 0 ? 'takes no images' : 'takes no last frame'}, so ${gone.join(' and ')} ${gone.length > 1 ? 'were' : 'was'} dropped.` : null)
  }
  const cost = estimate(capabilities, { ...values, takes })

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
      event.preventDefault()
      formRef.current?.requestSubmit()
    }
  }

  if (!model) return null
  return (
    <ComposeFormContext value={form}>
      <form
        ref={formRef}
        noValidate
        onSubmit={(event) => void submit.onSubmit(event)}
        onKeyDown={onKeyDown}
        className="flex flex-col gap-4"
      >
        {handoff.note && <HandoffNote note={handoff.note} onDismiss={handoff.dismissNote} onUndo={handoff.undo} />}
        <PromptField maxLength={capabilities.promptMaxLength} />
        <div className="grid gap-3">
          <ModelField
            capabilities={capabilities}
            onModelChange={changeModel}
            notice={notices.model ?? dropped}
          />
          <SizeField
            model={model}
            note={notices.size}
            onChosen={() => compose.clearNotice('size')}
          />
          <ChoiceField
            label="Duration"
            id="compose-duration"
            value={values.seconds}
            choices={model.seconds}
            show={(s) => ({ text: `${s} s`, spoken: `${s} seconds` })}
            onChange={(s) => {
              form.change('seconds', s)
              compose.clearNotice('seconds')
            }}
            inputRef={form.fieldRef('seconds')}
            error={form.errors.seconds}
            note={notices.seconds}
          />
          <ChoiceField
            label="Takes"
            id="compose-takes"
            value={takes}
            choices={TAKE_CHOICES}
            show={(n) => ({ text: String(n), spoken: `${n} ${n === 1 ? 'take' : 'takes'}` })}
            onChange={compose.setTakes}
          />
        </div>
        {model.references === 2 ? (
          <div className="grid gap-3">
            <ReferenceField
              reference={reference}
              limits={capabilities.upload}
              frames={model.sizes}
              label="First frame"
              aside="optional · the shot starts here"
            />
            <ReferenceField
              reference={lastFrame}
              limits={capabilities.upload}
              frames={model.sizes}
              slot="last-frame"
              label="Last frame"
              aside="optional · the shot ends here"
            />
          </div>
        ) : model.references === 1 ? (
          <ReferenceField reference={reference} limits={capabilities.upload} frames={model.sizes} />
        ) : null}
        <div className="sticky bottom-0 -mx-5 grid gap-3 border-t border-border bg-surface/95 px-5 pt-3 pb-4 backdrop-blur">
          <SubmitFeedback feedback={submit.feedback} />
          <SubmitBar
            takes={takes}
            seconds={values.seconds}
            cost={cost}
            pending={submit.pending}
            uploadProgress={submit.uploadProgress}
          />
        </div>
      </form>
    </ComposeFormContext>
  )
}
