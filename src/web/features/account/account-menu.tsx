import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Button } from '../../components/ui/button'
import { useDismiss } from '../../lib/use-dismiss'
import { sessionQueries, useSignOut } from './session-queries'
import { SignInList } from './sign-in-list'

const PANEL_ID = 'account-panel'

/**
 * With a studio token set: who has tried it lately, and the two ways out. The sign-ins are read
 * again each time the menu opens.
 */
export function AccountMenu() {
  const session = useQuery(sessionQueries.info())
  const signOut = useSignOut()
  const [open, setOpen] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const ref = useDismiss(open, () => setOpen(false))
  if (!session.data?.protected) return null
  const { sessionDays, signIns } = session.data
  const toggle = () => {
    if (!open) void session.refetch()
    setConfirming(false)
    setOpen(!open)
  }

  return (
    <div ref={ref} className="relative">
      <Button
        variant="ghost"
        size="icon"
        aria-label="Account"
        aria-expanded={open}
        aria-controls={PANEL_ID}
        onClick={toggle}
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
        >
          <circle cx="10" cy="7" r="3.2" />
          <path d="M3.8 16.5c1.1-3 3.4-4.5 6.2-4.5s5.1 1.5 6.2 4.5" strokeLinecap="round" />
        </svg>
      </Button>
      {open && (
        <section
          id={PANEL_ID}
          aria-label="Account"
          className="absolute top-full right-0 z-40 mt-2 w-[min(360px,calc(100vw-24px))] rounded-lg border border-border-strong bg-surface-raised text-text shadow-xl shadow-black/50"
        >
          <h2 className="px-3 pt-3 pb-1 text-[11px] font-semibold tracking-wider text-text-muted uppercase">
            Recent sign-ins
          </h2>
          <SignInList entries={signIns} />
          <div className="border-t border-border px-3 py-3">
            {confirming ? (
              <div className="grid gap-2">
                <p className="text-xs text-text">
                  Every browser signed in to this studio, this one too, will need the token again.
                </p>
                <div className="flex justify-end gap-2">
                  <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
                    Cancel
                  </Button>
                  <Button
                    size="sm"
                    variant="danger"
                    disabled={signOut.isPending}
                    onClick={() => signOut.mutate('everywhere')}
                  >
                    Sign out everywhere
                  </Button>
                </div>
              </div>
            ) : (
              <div className="flex items-center justify-between gap-2">
                <Button
                  size="sm"
                  disabled={signOut.isPending}
                  onClick={() => signOut.mutate('this-browser')}
                >
                  Sign out
                </Button>
                <Button size="sm" variant="ghost" onClick={() => setConfirming(true)}>
                  Sign out everywhere…
                </Button>
              </div>
            )}
            {signOut.error && (
              <p role="alert" className="mt-2 text-xs text-danger">
                {signOut.error.message}
              </p>
            )}
            <p className="mt-2 text-[11px] text-text-subtle">
              A session ends after {sessionDays} {sessionDays === 1 ? 'day' : 'days'} without use.
            </p>
          </div>
        </section>
      )}
    </div>
  )
}
