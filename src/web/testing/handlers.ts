import { http, HttpResponse } from 'msw'
import type { Health } from '../../contract/api'
import type { Capabilities, Provider } from '../../contract/capabilities'
import { testCapabilities } from './capabilities'

/** The BFF as a component test sees it: a studio running on the simulator, unless a test says otherwise. */
export function studioHandlers(provider: Provider = 'simulator') {
  return [
    http.get('/api/health', () => HttpResponse.json<Health>({ ok: true, provider })),
    http.get('/api/capabilities', () => HttpResponse.json<Capabilities>(testCapabilities(provider))),
  ]
}

export const handlers = studioHandlers()
