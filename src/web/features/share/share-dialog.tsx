import { useId, useState } from 'react'
import {
  PASSPHRASE_MIN,
  REVIEW_EXPIRY_DEFAULT_DAYS,
  REVIEW_EXPIRY_MAX_DAYS,
  REVIEW_PERMISSION_LABELS,
  REVIEW_PERMISSIONS,
  type ReviewPermission,
  type ReviewShare,
} from '../../../contract/links'
import { Button } from '../../components/ui/button'
import { Dialog } from '../../components/ui/dialog'
import { ReviewLinksList } from './review-links-list'
import { useShareForReview } from './review-link-queries'

const EXPIRIES = [1, 7, 30, REVIEW_EXPIRY_MAX_DAYS] as const
const inputClass =
  'h-8 w-full min-w-0 rounded-md border border-border-strong bg-bg px-2.5 text-[13px] text-text focus-visible:border-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-accent/30'

/**
 * Share a reel or some takes with someone who has no studio token: how long, what they may do,
 * a passphrase if wanted. The link is shown once, to copy; the links made so far are listed below.
 */
export function ShareDialog({ share, what, onClose }: { share: ReviewShare; what: string; onClose: () => void }) {
  const [days, setDays] = useState<number>(REVIEW_EXPIRY_DEFAULT_DAYS)
  const [permission, setPermission] = useState<ReviewPermission>('comment')
  const [passphrase, setPassphrase] = useState('')
  const [copied, setCopied] = useState(false)
  const create = useShareForReview()
  const id = useId()
  const link = create.data ? new URL(create.data.path, document.baseURI).toString() : null
  return (
    <Dialog open onClose={onClose} aria-labelledby={`${id}-title`} className="w-[min(30rem,calc(100vw-2rem))]">
      <div className="grid grid-cols-1 gap-4 p-5">
        <h2 id={`${id}-title`} className="text-sm font-medium">
          Share {what} for review
        </h2>
        {link ? (
          <div className="grid grid-cols-1 gap-2">
            <label htmlFor={`${id}-link`} className="text-xs text-text-muted">
              Review link (shown only now: copy it)
            </label>
            <div className="flex gap-2">
              <input id={`${id}-link`} readOnly value={link} className={`${inputClass} min-w-0 flex-1 font-mono text-xs`} onFocus={(e) => e.target.select()} />
              <Button
                variant="primary"
                onClick={() => {
                  void navigator.clipboard?.writeText(link).then(() => setCopied(true), () => setCopied(false))
                }}
              >
                {copied ? 'Copied' : 'Copy link'}
              </Button>
            </div>
            <p className="text-xs text-text-muted">
              Whoever opens it sees only {what}{create.data?.hasPassphrase ? ', after the passphrase' : ''}: no composer, no other takes, no costs.
            </p>
          </div>
        ) : (
          <form
            className="grid grid-cols-1 gap-3"
            onSubmit={(event) => {
              event.preventDefault()
              create.mutate({ share, expiresInDays: days, permission, ...(passphrase ? { passphrase } : {}) })
            }}
          >
            <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
              <label className="grid gap-1 text-xs text-text-muted">
                Expires after
                <select className={inputClass} value={days} onChange={(e) => setDays(Number(e.target.value))}>
                  {EXPIRIES.map((d) => (
                    <option key={d} value={d}>
                      {d === 1 ? '1 day' : `${d} days`}
                    </option>
                  ))}
                </select>
              </label>
              <label className="grid gap-1 text-xs text-text-muted">
                Reviewer may
                <select className={inputClass} value={permission} onChange={(e) => setPermission(e.target.value as ReviewPermission)}>
                  {REVIEW_PERMISSIONS.map((p) => (
                    <option key={p} value={p}>
                      {REVIEW_PERMISSION_LABELS[p]}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <label className="grid gap-1 text-xs text-text-muted">
              Passphrase (optional, at least {PASSPHRASE_MIN} characters)
              <input type="password" autoComplete="new-password" className={inputClass} value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
            </label>
            {create.error && (
              <p role="alert" className="text-xs text-danger">
                {create.error.message}
              </p>
            )}
            <div className="flex justify-end gap-2">
              <Button variant="ghost" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" variant="primary" disabled={create.isPending}>
                Create link
              </Button>
            </div>
          </form>
        )}
        <ReviewLinksList />
        {link && (
          <div className="flex justify-end">
            <Button onClick={onClose}>Done</Button>
          </div>
        )}
      </div>
    </Dialog>
  )
}
