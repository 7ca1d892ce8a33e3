import { useQuery } from '@tanstack/react-query'
import type { Job } from '../../../../contract/job'
import { jobQueries } from '../../../lib/job-queries'
import { firstLine, statusWords } from '../../../lib/job-words'

const link =
  'block w-full truncate rounded px-1.5 py-1 text-left text-xs text-accent hover:bg-surface-raised hover:text-accent-hover'

function Parent({ id, onNavigate }: { id: string; onNavigate: (id: string) => void }) {
  const { data: parent, error } = useQuery(jobQueries.detail(id))
  return (
    <div>
      <h4 className="px-1.5 text-[11px] text-text-subtle">Remix of</h4>
      {error ? (
        <p className="px-1.5 py-1 text-xs text-text-muted">a take that has been deleted</p>
      ) : (
        <button type="button" className={link} onClick={() => onNavigate(id)}>
          <span className="sr-only">Remix of: </span>
          {parent ? firstLine(parent.prompt) : id}
        </button>
      )}
    </div>
  )
}

/** Where the take came from and what was made from it: remix of ← parent, remixes →. */
export function TakeLineage({ job, onNavigate }: { job: Job; onNavigate: (id: string) => void }) {
  const remixes = useQuery(jobQueries.list({ remixOf: job.id, limit: 100 }))
  const children = remixes.data?.items ?? []
  if (!job.remixOf && children.length === 0) return null
  return (
    <nav aria-label="Lineage" className="space-y-2 border-b border-border px-2.5 py-3">
      {job.remixOf && <Parent id={job.remixOf} onNavigate={onNavigate} />}
      {children.length > 0 && (
        <div>
          <h4 className="px-1.5 text-[11px] text-text-subtle">Remixes from this take</h4>
          <ul>
            {children.map((child) => (
              <li key={child.id}>
                <button type="button" className={link} onClick={() => onNavigate(child.id)}>
                  {firstLine(child.prompt)}
                  {child.status !== 'completed' && (
                    <span className="ml-2 text-text-subtle">{statusWords(child.status)}</span>
                  )}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </nav>
  )
}
