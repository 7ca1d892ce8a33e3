import { http, HttpResponse } from 'msw'
import type { AuthorList, Health, Spend } from '../../contract/api'
import type { Capabilities, Provider } from '../../contract/capabilities'
import type { NoteList } from '../../contract/review'
import type { SessionInfo } from '../../contract/session'
import { testCapabilities } from './capabilities'

/** The BFF as a component test sees it: a studio running on the simulator, unless a test says otherwise. */
export function studioHandlers(provider: Provider = 'simulator') {
  return [
    http.get('/api/health', () =>
      HttpResponse.json<Health>({ ok: true, provider, database: 'up', storage: 'up' }),
    ),
    http.get('/api/capabilities', () => HttpResponse.json<Capabilities>(testCapabilities(provider))),
    // A take nobody has written notes on yet.
    http.get('/api/jobs/:id/notes', () => HttpResponse.json<NoteList>({ items: [] })),
    // No DAILIES_TOKEN: nothing to sign in to or out of, and nobody's name on the takes.
    http.get('/api/authors', () => HttpResponse.json<AuthorList>({ items: [] })),
    // Nothing started today yet.
    http.get('/api/spend', ({ request }) =>
      HttpResponse.json<Spend>({
        since: new URL(request.url).searchParams.get('since') ?? '',
        totalUsd: 0,
        takes: 0,
        unknownCostTakes: 0,
      }),
    ),
    http.get('/api/session', () =>
      HttpResponse.json<SessionInfo>({ protected: false, sessionDays: null, signIns: [], name: null }),
    ),
  ]
}

export const handlers = studioHandlers()
