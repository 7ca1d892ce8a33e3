import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { ApiError } from '../../contract/errors'
import { goToSignIn } from './go-to-sign-in'

const MAX_RETRIES = 2

/** A client error (4xx) will not go away by asking again; a dropped connection or a 5xx may. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false
  return failureCount < MAX_RETRIES
}

/**
 * With DAILIES_TOKEN set, the BFF answers 401 until the browser holds a session: send the
 * person to the BFF's sign-in page, which comes back to the studio once signed in.
 */
function signInOnUnauthorized(error: unknown): void {
  if (error instanceof ApiError && error.status === 401) goToSignIn()
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: signInOnUnauthorized }),
    mutationCache: new MutationCache({ onError: signInOnUnauthorized }),
    defaultOptions: {
      queries: { staleTime: 10_000, retry: shouldRetry },
      mutations: { retry: false },
    },
  })
}
