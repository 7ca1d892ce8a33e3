import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { reelExportSizes, type ReelDetail, type ReelTransition } from '../../../contract/reels'
import { Button, buttonVariants } from '../../components/ui/button'
import { Progress } from '../../components/ui/progress'
import { SegmentedControl } from '../../components/ui/segmented-control'
import { Select } from '../../components/ui/select'
import { capabilityQueries } from '../../lib/capability-queries'
import { formatSize } from '../../lib/format'
import { useExportReel } from '../../lib/reel-mutations'

const TRANSITIONS = [
  { value: 'cut', content: 'Cut' },
  { value: 'crossfade', content: 'Cross-fade' },
] as const

/** Export the reel as one MP4: size, cut or cross-fade, title cards; then its progress and Download. */
export function ExportPanel({ reel }: { reel: ReelDetail }) {
  const capabilities = useQuery(capabilityQueries.current())
  const sizes = reelExportSizes(capabilities.data?.models ?? [])
  const [size, setSize] = useState('')
  const [transition, setTransition] = useState<ReelTransition>('cut')
  const [titleCards, setTitleCards] = useState(false)
  const start = useExportReel()
  const ids = { size: useId(), titles: useId() }
  const last = reel.export
  const running = last?.status === 'rendering'
  const exportWith = (options: { size?: string; transition: ReelTransition; titleCards: boolean }) =>
    start.mutate({ id: reel.id, options })
  const firstSize = reel.takes[0]?.size

  return (
    <section aria-labelledby="export-heading" className="space-y-3 p-4">
      <h3 id="export-heading" className="text-xs font-medium tracking-label text-text-muted uppercase">
        Export
      </h3>
      <div className="grid grid-cols-[5.5rem_1fr] items-center gap-x-3 gap-y-2.5 text-xs">
        <label htmlFor={ids.size} className="text-text-muted">
          Size
        </label>
        <Select id={ids.size} value={size} onChange={(event) => setSize(event.target.value)}>
          <option value="">First shot's{firstSize ? ` (${formatSize(firstSize)})` : ''}</option>
          {sizes.map((option) => (
            <option key={option} value={option}>
              {formatSize(option)}
            </option>
          ))}
        </Select>
        <span className="text-text-muted">Transition</span>
        <SegmentedControl label="Transition" value={transition} options={TRANSITIONS} onChange={setTransition} className="h-8" />
        <span aria-hidden="true" />
        <label htmlFor={ids.titles} className="flex items-center gap-2 text-text">
          <input
            id={ids.titles}
            type="checkbox"
            checked={titleCards}
            onChange={(event) => setTitleCards(event.target.checked)}
            className="size-3.5 accent-accent"
          />
          Title card on each shot
        </label>
      </div>
      <Button
        variant="primary"
        className="w-full"
        disabled={running || start.isPending || reel.jobIds.length === 0}
        onClick={() => exportWith({ ...(size ? { size } : {}), transition, titleCards })}
      >
        {running ? 'Exporting…' : 'Export MP4'}
      </Button>
      {start.error && (
        <p role="alert" className="text-xs text-danger">
          Not exported: {start.error.message}
        </p>
      )}
      {last && (
        <div aria-live="polite" className="space-y-2 rounded-md border border-border bg-surface p-3 text-xs">
          {last.status === 'rendering' && (
            <>
              <p className="text-text">Exporting… {Math.round(last.progress)}%</p>
              <Progress value={last.progress} aria-label="Export progress" />
            </>
          )}
          {last.status === 'completed' && last.video && (
            <>
              <p className="text-text">
                Exported · {formatSize(last.size)} · {last.seconds} s · {last.transition === 'crossfade' ? 'cross-fades' : 'cuts'}
                {last.titleCards ? ' · title cards' : ''}
              </p>
              {last.stale && <p className="text-warning">The reel has changed since: export again to include the change.</p>}
              <a href={`${last.video}&download=1`} download className={buttonVariants({ variant: 'secondary', size: 'sm' })}>
                Download
              </a>
            </>
          )}
          {last.status === 'failed' && (
            <>
              <p role="alert" className="text-danger">
                The export failed: {last.error?.message ?? 'unknown error'}
              </p>
              <Button
                size="sm"
                disabled={start.isPending}
                onClick={() => exportWith({ size: last.size, transition: last.transition, titleCards: last.titleCards })}
              >
                Retry
              </Button>
            </>
          )}
        </div>
      )}
    </section>
  )
}
