import type { FastifyInstance } from 'fastify'
import { sameSecret } from '../lib/same-secret'
import { SimError } from './errors'

function mask(key: string): string {
  return key.length > 8 ? `${key.slice(0, 3)}***${key.slice(-4)}` : '***'
}

/** Bearer auth like the provider's, on when the simulator is given a key. */
export function installAuth(app: FastifyInstance, apiKey: string): void {
  app.addHook('onRequest', (request, _reply, done) => {
    done(check(request.headers.authorization, apiKey) ?? undefined)
  })
}

function check(header: string | undefined, apiKey: string): SimError | null {
  const given = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim()
  if (!given) {
    return new SimError(
      401,
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
      { code: 'invalid_api_key' },
    )
  }
  if (!sameSecret(given, apiKey)) {
    return new SimError(401, `Incorrect API key provided: ${mask(given)}.`, {
      code: 'invalid_api_key',
    })
  }
  return null
}
