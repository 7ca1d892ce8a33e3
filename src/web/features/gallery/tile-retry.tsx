import { Button } from '../../components/ui/button'
import { useRetryJob } from '../../lib/job-mutations'

/** Retry on a failed take's tile; a refused retry says why over the tile. */
export function TileRetry({ id }: { id: string }) {
  const retry = useRetryJob()
  return (
    <>
      <Button
        size="xs"
        className="absolute top-1.5 right-1.5"
        disabled={retry.isPending}
        onClick={() => retry.mutate(id)}
      >
        {retry.isPending ? 'Retrying…' : 'Retry'}
      </Button>
      {retry.error && (
        <p
          role="alert"
          className="absolute inset-x-1.5 top-9 rounded bg-black/85 px-1.5 py-1 text-[11px] text-danger"
        >
          {retry.error.message}
        </p>
      )}
    </>
  )
}
