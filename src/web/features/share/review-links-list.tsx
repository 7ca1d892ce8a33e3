import { useQuery } from '@tanstack/react-query'
import { REVIEW_PERMISSION_LABELS } from '../../../contract/links'
import { Button } from '../../components/ui/button'
import { reviewLinkQueries, useRevokeLink } from './review-link-queries'

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { month: 'short', day: 'numeric' })
const STATE_WORDS = { active: 'until', expired: 'expired', revoked: 'revoked' } as const

/** Every review link: what it shares, for how long, when a reviewer last used it; Revoke. */
export function ReviewLinksList() {
  const links = useQuery(reviewLinkQueries.list())
  const revoke = useRevokeLink()
  if (!links.data?.items.length) return null
  return (
    <section aria-labelledby="review-links-heading" className="grid grid-cols-1 gap-2">
      <h3 id="review-links-heading" className="text-xs font-medium tracking-wide text-text-muted uppercase">
        Review links
      </h3>
      <ul className="grid max-h-56 grid-cols-1 gap-1 overflow-y-auto">
        {links.data.items.map((link) => (
          <li key={link.id} className="flex items-center gap-2 rounded-md bg-bg px-2.5 py-1.5 text-xs">
            <div className="min-w-0 flex-1">
              <p className="truncate text-text">
                {link.title} · {REVIEW_PERMISSION_LABELS[link.permission]}
                {link.hasPassphrase ? ' · passphrase' : ''}
              </p>
              <p className="text-text-muted">
                {STATE_WORDS[link.state]} {day(link.state === 'revoked' ? (link.revokedAt ?? link.expiresAt) : link.expiresAt)} ·{' '}
                {link.lastUsedAt ? `last used ${day(link.lastUsedAt)}` : 'not opened yet'}
              </p>
            </div>
            {link.state === 'active' && (
              <Button
                size="sm"
                variant="danger"
                aria-label={`Revoke the link to ${link.title}`}
                disabled={revoke.isPending}
                onClick={() => revoke.mutate(link.id)}
              >
                Revoke
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
