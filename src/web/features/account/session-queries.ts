import { queryOptions, useMutation } from '@tanstack/react-query'
import { z } from 'zod/mini'
import { sessionInfoSchema } from '../../../contract/session'
import { apiRequest } from '../../lib/api-client'
import { goToSignIn } from '../../lib/go-to-sign-in'

export const sessionQueries = {
  all: () => ['session'] as const,
  info: () =>
    queryOptions({
      queryKey: [...sessionQueries.all(), 'info'],
      queryFn: ({ signal }) => apiRequest('/api/session', sessionInfoSchema, { signal }),
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
      await apiRequest(SIGN_OUT[scope].path, z.null(), { method: 'POST' })
      return SIGN_OUT[scope].done
    },
    onSuccess: (done) => goToSignIn(done),
  })
}
