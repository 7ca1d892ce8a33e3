import { useQuery } from '@tanstack/react-query'
import type { Job } from '../../../../contract/job'
import { Button } from '../../../components/ui/button'
import { Dialog } from '../../../components/ui/dialog'
import { jobQueries } from '../../../lib/job-queries'
import { firstLine } from '../../../lib/job-words'
import { ViewerContent } from './viewer-content'

export interface TakeViewerProps {
  id: string
  /** The gallery's takes in order, for stepping with the arrow keys. */
  order: Job[]
  onNavigate: (id: string) => void
  onClose: () => void
}

/** `?take=id`: one take, large on black, with everything known about it and what to do next. */
export function TakeViewer({ id, ...props }: TakeViewerProps) {
  const { data: job, error } = useQuery(jobQueries.detail(id))
  return (
    <Dialog
      open
      onClose={props.onClose}
      dismissOnBackdrop={false}
      aria-label={job ? `Take: ${firstLine(job.prompt)}` : 'Take'}
      fullScreen
    >
      {job ? (
        <ViewerContent key={job.id} job={job} {...props} />
      ) : (
        <div className="flex h-full flex-col items-center justify-center gap-3 text-sm text-text-muted">
          <p role={error ? 'alert' : 'status'}>
            {error ? `This take cannot be shown: ${error.message}` : 'Loading the take…'}
          </p>
          <Button onClick={props.onClose}>Close</Button>
        </div>
      )}
    </Dialog>
  )
}
