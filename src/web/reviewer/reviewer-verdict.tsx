import type { Job } from '../../contract/job'
import { VERDICT_LABELS, VERDICTS } from '../../contract/verdict'
import { Button } from '../components/ui/button'
import { useReviewerVerdict } from './reviewer-queries'

/** The take's verdict, for a comment link: pressing the lit one clears it. Says who gave it. */
export function ReviewerVerdict({ take }: { take: Job }) {
  const verdict = useReviewerVerdict(take.id)
  return (
    <div className="grid gap-1">
      <div role="group" aria-label="Verdict" className="flex flex-wrap gap-1.5">
        {VERDICTS.map((value) => (
          <Button
            key={value}
            size="sm"
            variant={take.verdict === value ? 'primary' : 'secondary'}
            aria-pressed={take.verdict === value}
            disabled={verdict.isPending}
            onClick={() => verdict.mutate(take.verdict === value ? null : value)}
          >
            {VERDICT_LABELS[value]}
          </Button>
        ))}
      </div>
      {take.verdict && take.verdictBy && (
        <p className="text-xs text-text-muted">
          {VERDICT_LABELS[take.verdict]} by {take.verdictBy}
        </p>
      )}
      {verdict.error && (
        <p role="alert" className="text-xs text-danger">
          The verdict was not saved: {verdict.error.message}
        </p>
      )}
    </div>
  )
}
