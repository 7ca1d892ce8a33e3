import type { SignInEntry, SignInOutcome } from '../../../contract/session'
import { cn } from '../../components/ui/cn'

const OUTCOMES: Record<SignInOutcome, { label: string; refused: boolean }> = {
  signed_in: { label: 'Signed in', refused: false },
  wrong_token: { label: 'Wrong token', refused: true },
  wrong_bearer: { label: 'Wrong API token', refused: true },
  signed_out: { label: 'Signed out', refused: false },
  signed_out_everywhere: { label: 'Signed out everywhere', refused: false },
}

const when = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
})

/** "Firefox", "Chrome", "curl"…: enough to tell one's own browser from a stranger's script. */
function clientName(userAgent: string): string {
  for (const name of ['Edg', 'Firefox', 'Chrome', 'Safari']) {
    if (userAgent.includes(`${name}/`)) return name === 'Edg' ? 'Edge' : name
  }
  return userAgent.split(/[/ ]/)[0] || 'Unknown client'
}

/** The latest tries at the token and sign-outs, newest first; refusals stand out. */
export function SignInList({ entries }: { entries: SignInEntry[] }) {
  if (entries.length === 0)
    return <p className="px-3 py-2 text-xs text-text-muted">No sign-ins yet.</p>
  return (
    <ol aria-label="Recent sign-ins" className="max-h-72 overflow-y-auto">
      {entries.map((entry, i) => {
        const outcome = OUTCOMES[entry.outcome]
        return (
          <li
            key={`${entry.at}-${i}`}
            className="grid grid-cols-[1fr_auto] gap-x-3 border-t border-border px-3 py-1.5 text-xs first:border-t-0"
          >
            <span className={cn('font-medium', outcome.refused ? 'text-danger' : 'text-text')}>
              {outcome.label}
            </span>
            <time dateTime={entry.at} className="text-text-muted tabular-nums">
              {when.format(new Date(entry.at))}
            </time>
            <span className="truncate font-mono text-[11px] text-text-subtle">{entry.address}</span>
            <span className="truncate text-right text-text-subtle" title={entry.userAgent}>
              {clientName(entry.userAgent)}
            </span>
          </li>
        )
      })}
    </ol>
  )
}
