import type { Capabilities } from '../../../contract/capabilities'
import { Field } from '../../components/ui/field'
import { Select } from '../../components/ui/select'
import { useComposeFormContext } from './form-context'
import { modelSummary } from './model-summary'
import type { ModelCapabilities } from './settings'

function byFamily(models: ModelCapabilities[]): Array<[string, ModelCapabilities[]]> {
  const families = new Map<string, ModelCapabilities[]>()
  for (const model of models) families.set(model.family, [...(families.get(model.family) ?? []), model])
  return [...families]
}

/**
 * The models this provider offers, grouped by family, each with what it does and costs; the
 * retired and not-offered ones are listed apart and cannot be chosen. Switching is the form's.
 */
export function ModelField({
  capabilities,
  onModelChange,
  notice,
}: {
  capabilities: Capabilities
  onModelChange: (model: string) => void
  /** Said when the model asked for was not available, e.g. by Reuse settings. */
  notice: string | null
}) {
  const form = useComposeFormContext()
  const value = form.values.model
  const error = form.errors.model
  const offered = capabilities.models.filter((m) => m.availability === 'offered')
  const unavailable = capabilities.models.filter((m) => m.availability !== 'offered')
  const chosen = offered.find((m) => m.id === value)

  return (
    <Field
      label="Model"
      htmlFor="compose-model"
      messageId="compose-model-message"
      error={error}
      note={notice ?? chosen?.description ?? null}
    >
      <Select
        id="compose-model"
        ref={form.fieldRef('model')}
        name="model"
        value={value}
        onChange={(event) => onModelChange(event.target.value)}
        aria-invalid={!!error || undefined}
        aria-describedby="compose-model-message"
      >
        {byFamily(offered).map(([family, models]) => (
          <optgroup key={family} label={family}>
            {models.map((model) => (
              <option key={model.id} value={model.id}>
                {modelSummary(model)}
              </option>
            ))}
          </optgroup>
        ))}
        {unavailable.length > 0 && (
          <optgroup label="Not available here">
            {unavailable.map((model) => (
              <option key={model.id} value={model.id} disabled>
                {model.label} — {model.availability === 'retired' ? 'retired' : 'not offered by this provider'}
              </option>
            ))}
          </optgroup>
        )}
      </Select>
    </Field>
  )
}
