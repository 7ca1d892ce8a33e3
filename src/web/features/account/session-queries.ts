import { queryOptions, useMutation } from '@tanstack/react-query'
import { apiRequest } from '../../lib/api-client'
import { goToSignIn } from '../../lib/go-to-sign-in'
import type { SessionInfo } from '../../../contract/session'

export const sessionQueries = {
  all: () => ['session'] as const,
  info: () =>
    queryOptions({
      queryKey: [...sessionQueries.all(), 'info'],
      queryFn: ({ signal }) => apiRequest<SessionInfo>('/api/session', { signal }),
    }),
}

export type SignOutScope = 'this-browser' | 'everywhere'

const SIGN_OUT = {
  'this-browser': { path: '/api/session/sign-out', done: 'signed-out' },
  everywhere: { path: '/api/session/sign-out-everywhere', done: 'signed-out-everywhere' },
} as const

/** Ends this browser's session, or every session; the sign-in page then says so. */
export function useSignOut() {
  return useMutation({
    mutationFn: async (scope: SignOutScope) => {
      await apiRequest<null>(SIGN_OUT[scope].path, { method: 'POST' })
      return SIGN_OUT[scope].done
    },
    onSuccess: (done) => goToSignIn(done),
  })
}
