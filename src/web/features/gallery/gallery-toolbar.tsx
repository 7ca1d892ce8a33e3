import { useQuery } from '@tanstack/react-query'
import { authorQueries } from '../../lib/author-queries'
import { capabilityQueries } from '../../lib/capability-queries'
import { Select } from '../../components/ui/select'
import { formatSize } from '../../lib/format'
import { VERDICTS, VERDICT_LABELS, type VerdictValue } from '../../../contract/verdict'

export type StatusFilter = 'completed' | 'failed' | 'cancelled' | 'all'
export interface GalleryFilterState {
  search: string
  status: StatusFilter
  /** '' for every model. */
  model: string
  /** '' for every size. */
  size: string
  /** '' for every take, judged or not. */
  verdict: VerdictValue | ''
  /** '' for everyone's takes. */
  author: string
}
export const NO_FILTERS: GalleryFilterState = {
  search: '',
  status: 'completed',
  model: '',
  size: '',
  verdict: '',
  author: '',
}

// On a phone the search takes the row and the filters share the rows below in halves.
const fieldClass = 'w-full sm:w-32'

/** Search by prompt and note text; filter by status, verdict, model, size and (in a team) author. */
export function GalleryToolbar({
  value,
  onChange,
}: {
  value: GalleryFilterState
  onChange: (next: GalleryFilterState) => void
}) {
  // Every catalog model, retired ones too: their takes stay in the gallery.
  const models = useQuery(capabilityQueries.current()).data?.models ?? []
  const sizes = [...new Set(models.flatMap((m) => m.sizes.map((s) => s.size)))]
  // Only where people sign in with their names: a studio of one has no one to filter by.
  const authors = useQuery(authorQueries.list()).data?.items ?? []
  return (
    <div
      role="search"
      aria-label="Takes"
      className="grid w-full grid-cols-2 gap-2 sm:flex sm:w-auto sm:flex-wrap sm:items-center"
    >
      <input
        type="search"
        dir="auto"
        aria-label="Search prompts and notes"
        placeholder="Search prompts and notes…"
        value={value.search}
        onChange={(event) => onChange({ ...value, search: event.currentTarget.value })}
        className="col-span-2 h-8 w-full rounded-md border border-border-strong bg-bg px-2.5 text-[13px] text-text placeholder:text-text-subtle focus-visible:border-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-accent/30 sm:w-56"
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
        <option value="cancelled">Cancelled</option>
        <option value="all">All statuses</option>
      </Select>
      <Select
        aria-label="Filter by verdict"
        className={fieldClass}
        value={value.verdict}
        onChange={(event) =>
          onChange({ ...value, verdict: event.currentTarget.value as VerdictValue | '' })
        }
      >
        <option value="">Any verdict</option>
        {VERDICTS.map((verdict) => (
          <option key={verdict} value={verdict}>
            {VERDICT_LABELS[verdict]}
          </option>
        ))}
      </Select>
      <Select
        aria-label="Filter by model"
        className={fieldClass}
        value={value.model}
        onChange={(event) => onChange({ ...value, model: event.currentTarget.value })}
      >
        <option value="">All models</option>
        {models.map((m) => (
          <option key={m.id} value={m.id}>
            {m.availability === 'offered'
              ? m.label
              : `${m.label} (${m.availability === 'retired' ? 'retired' : 'not offered'})`}
          </option>
        ))}
        {value.model && !models.some((m) => m.id === value.model) && (
          <option value={value.model}>{value.model}</option>
        )}
      </Select>
      <Select
        aria-label="Filter by size"
        className={fieldClass}
        value={value.size}
        onChange={(event) => onChange({ ...value, size: event.currentTarget.value })}
      >
        <option value="">All sizes</option>
        {sizes.map((size) => (
          <option key={size} value={size}>
            {formatSize(size)}
          </option>
        ))}
      </Select>
      {(authors.length > 0 || value.author) && (
        <Select
          aria-label="Filter by author"
          className={fieldClass}
          value={value.author}
          onChange={(event) => onChange({ ...value, author: event.currentTarget.value })}
        >
          <option value="">Everyone</option>
          {[...new Set([...authors, value.author])]
            .filter((name) => name !== '')
            .map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
        </Select>
      )}
    </div>
  )
}
