import type { Job } from '../../contract/job'
import { Button } from '../components/ui/button'
import { Transport } from '../components/ui/transport'
import { useVideoSync } from '../lib/use-video-sync'
import { CompareGrid } from '../features/compare/compare-grid'

/** The studio's own side-by-side compare, on one clock, of the shared takes (up to four). */
export function ReviewerCompare({ takes, onClose }: { takes: Job[]; onClose: () => void }) {
  const sync = useVideoSync()
  return (
    <section aria-label="Compare" className="flex min-h-0 flex-1 flex-col">
      <div className="flex h-10 items-center gap-2 border-b border-border px-3">
        <h2 className="text-sm font-medium">Compare {takes.length} takes</h2>
        <Button size="sm" variant="ghost" className="ml-auto" onClick={onClose}>
          Back to the takes
        </Button>
      </div>
      <div className="flex min-h-[50dvh] flex-1 flex-col">
        <CompareGrid jobs={takes} sync={sync} />
      </div>
      <Transport sync={sync} />
    </section>
  )
}
