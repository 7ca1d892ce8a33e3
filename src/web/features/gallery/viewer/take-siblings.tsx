import type { Job } from '../../../../contract/job'
import { cn } from '../../../components/ui/cn'

/** "Take B of 3": the submit's letters, each one click (or ↑ ↓) away. */
export function TakeSiblings({
  job,
  siblings,
  onNavigate,
}: {
  job: Job
  siblings: Job[]
  onNavigate: (id: string) => void
}) {
  return (
    <nav aria-label="Takes of this submit" className="flex items-center gap-2 text-xs">
      <span className="text-text-subtle">
        Take <span className="font-mono text-text">{job.take}</span>
        {siblings.length > 1 && ` of ${siblings.length}`}
      </span>
      {siblings.length > 1 && (
        <span className="flex gap-1">
          {siblings.map((other) => (
            <button
              key={other.id}
              type="button"
              aria-label={`Take ${other.take}`}
              aria-current={other.id === job.id ? 'true' : undefined}
              onClick={() => onNavigate(other.id)}
              className={cn(
                'size-5 rounded font-mono text-[11px] leading-5',
                other.id === job.id
                  ? 'bg-accent/20 text-accent'
                  : other.status === 'failed'
                    ? 'text-danger/80 hover:bg-surface-raised hover:text-text'
                    : 'text-text-muted hover:bg-surface-raised hover:text-text',
              )}
            >
              {other.take}
            </button>
          ))}
        </span>
      )}
    </nav>
  )
}
