import { MODEL_IDS, SIZES, type ModelId, type Size } from '../../../contract/capabilities'
import { Select } from '../../components/ui/select'
import { formatSize } from '../../lib/format'
import { modelLabel } from '../../lib/job-words'

export type StatusFilter = 'completed' | 'failed' | 'all'
export interface GalleryFilterState {
  search: string
  status: StatusFilter
  model: ModelId | ''
  size: Size | ''
}
export const NO_FILTERS: GalleryFilterState = {
  search: '',
  status: 'completed',
  model: '',
  size: '',
}

const fieldClass = 'w-32'

/** Search by prompt text; filter by status, model and size. */
export function GalleryToolbar({
  value,
  onChange,
}: {
  value: GalleryFilterState
  onChange: (next: GalleryFilterState) => void
}) {
  return (
    <div role="search" aria-label="Takes" className="flex flex-wrap items-center gap-2">
      <input
        type="search"
        aria-label="Search prompts"
        placeholder="Search prompts…"
        value={value.search}
        onChange={(event) => onChange({ ...value, search: event.currentTarget.value })}
        className="h-8 w-56 rounded-md border border-border-strong bg-bg px-2.5 text-[13px] text-text placeholder:text-text-subtle focus-visible:border-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-accent/30"
      />
      <Select
        aria-label="Filter by status"
        className={fieldClass}
        value={value.status}
        onChange={(event) =>
          onChange({ ...value, status: event.currentTarget.value as StatusFilter })
        }
      >
        <option value="completed">Finished</option>
        <option value="failed">Failed</option>
        <option value="all">All statuses</option>
      </Select>
      <Select
        aria-label="Filter by model"
        className={fieldClass}
        value={value.model}
        onChange={(event) =>
          onChange({ ...value, model: event.currentTarget.value as ModelId | '' })
        }
      >
        <option value="">All models</option>
        {MODEL_IDS.map((id) => (
          <option key={id} value={id}>
            {modelLabel(id)}
          </option>
        ))}
      </Select>
      <Select
        aria-label="Filter by size"
        className={fieldClass}
        value={value.size}
        onChange={(event) => onChange({ ...value, size: event.currentTarget.value as Size | '' })}
      >
        <option value="">All sizes</option>
        {SIZES.map((size) => (
          <option key={size} value={size}>
            {formatSize(size)}
          </option>
        ))}
      </Select>
    </div>
  )
}
