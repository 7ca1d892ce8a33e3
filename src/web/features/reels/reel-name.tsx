import { useState } from 'react'
import type { ReelDetail } from '../../../contract/reels'
import { REEL_NAME_MAX } from '../../../contract/reel-rules'
import { useRenameReel } from '../../lib/reel-mutations'

/** The reel's name, edited in place: Enter or leaving the field saves it, Esc puts it back. */
export function ReelName({ reel }: { reel: ReelDetail }) {
  const [draft, setDraft] = useState(reel.name)
  const rename = useRenameReel()
  const save = () => {
    const name = draft.trim()
    if (!name) setDraft(reel.name)
    else if (name !== reel.name) rename.mutate({ id: reel.id, name })
  }
  return (
    <div className="flex min-w-0 items-center gap-2">
      <input
        aria-label="Reel name"
        value={draft}
        maxLength={REEL_NAME_MAX}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={save}
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.currentTarget.blur()
          if (event.key === 'Escape' && draft !== reel.name) {
            // Put the name back instead of closing the reel.
            event.preventDefault()
            setDraft(reel.name)
          }
        }}
        className="h-7 w-64 max-w-[60vw] rounded-md border border-transparent bg-transparent px-1.5 text-sm font-medium text-text hover:border-border-strong focus-visible:border-accent focus-visible:outline-none"
      />
      {rename.error && (
        <p role="alert" className="text-xs text-danger">
          Not renamed: {rename.error.message}
        </p>
      )}
    </div>
  )
}
