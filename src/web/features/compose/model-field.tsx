import { useController } from 'react-hook-form'
import type { Capabilities, ModelId } from '../../../contract/capabilities'
import { Field } from '../../components/ui/field'
import { Select } from '../../components/ui/select'
import { formatUsd } from '../../lib/format'
import { useComposeFormContext } from './form-context'
import type { ModelCapabilities } from './settings'

function priceLabel(model: ModelCapabilities): string {
  const prices = model.sizes.map((s) => s.pricePerSecond)
  const low = Math.min(...prices)
  const high = Math.max(...prices)
  return low === high ? `${formatUsd(low)}/s` : `${formatUsd(low)}–${formatUsd(high)}/s`
}

/** The model, with what a second of it costs here; switching is handled by the form. */
export function ModelField({
  capabilities,
  onModelChange,
}: {
  capabilities: Capabilities
  onModelChange: (model: ModelId) => void
}) {
  const { control } = useComposeFormContext()
  const {
    field: { ref, name, value, onBlur },
    fieldState,
  } = useController({ control, name: 'model' })
  const error = fieldState.error?.message

  return (
    <Field label="Model" htmlFor="compose-model" messageId="compose-model-message" error={error}>
      <Select
        id="compose-model"
        ref={ref}
        name={name}
        value={value}
        onBlur={onBlur}
        onChange={(event) => onModelChange(event.target.value as ModelId)}
        aria-invalid={!!error || undefined}
        aria-describedby="compose-model-message"
      >
        {capabilities.models.map((model) => (
          <option key={model.id} value={model.id}>
            {model.label} · {priceLabel(model)}
          </option>
        ))}
      </Select>
    </Field>
  )
}
