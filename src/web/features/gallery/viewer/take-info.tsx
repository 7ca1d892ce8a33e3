import type { Job } from '../../../../contract/job'
import { formatSize, formatUsd } from '../../../lib/format'
import { formatClock } from '../../../lib/job-words'
import { useModelLabel } from '../../../lib/use-model-label'
import { PROVIDER_LABELS } from '../../../lib/providers'

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' })

/** The full prompt and every setting the take was rendered with, and what it cost. */
export function TakeInfo({ job }: { job: Job }) {
  const modelLabel = useModelLabel()
  const renderSeconds =
    job.completedAt && (Date.parse(job.completedAt) - Date.parse(job.createdAt)) / 1000
  const rows: [string, string][] = [
    // A studio of one (no token) records no author, and says nothing of it.
    ...(job.author ? ([['Made by', job.author]] as [string, string][]) : []),
    [
      'Model',
      modelLabel(job.model) === job.model ? job.model : `${modelLabel(job.model)} (${job.model})`,
    ],
    ...(job.providerModel ? ([['Provider model', job.providerModel]] as [string, string][]) : []),
    ['Size', formatSize(job.size)],
    ['Duration', `${job.seconds} s`],
    ['Cost', formatUsd(job.costUsd)],
    ['Provider', PROVIDER_LABELS[job.provider]],
    ['Started', when.format(new Date(job.createdAt))],
  ]
  if (renderSeconds) rows.push(['Render time', formatClock(renderSeconds)])
  if (job.reference) {
    const name = job.lastReference ? 'First frame' : 'Reference'
    rows.push([name, `${job.reference.width} × ${job.reference.height}`])
  }
  if (job.lastReference)
    rows.push(['Last frame', `${job.lastReference.width} × ${job.lastReference.height}`])

  return (
    <section
      aria-labelledby="take-prompt-heading"
      className="space-y-3 border-b border-border px-4 py-3"
    >
      <div>
        <h3
          id="take-prompt-heading"
          className="mb-1 text-[11px] font-medium tracking-label text-text-subtle uppercase"
        >
          Prompt
        </h3>
        <p
          dir="auto"
          className="max-h-48 overflow-y-auto text-[13px] leading-5 whitespace-pre-wrap text-text"
        >
          {job.prompt}
        </p>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-xs">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-text-subtle">{term}</dt>
            <dd className="text-text tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      {job.reference && (
        <div className="flex gap-2">
          <img
            src={job.reference.url}
            alt={job.lastReference ? 'First frame of this take' : 'Reference image of this take'}
            className="max-h-24 min-w-0 rounded border border-border object-contain"
          />
          {job.lastReference && (
            <img
              src={job.lastReference.url}
              alt="Last frame of this take"
              className="max-h-24 min-w-0 rounded border border-border object-contain"
            />
          )}
        </div>
      )}
    </section>
  )
}
