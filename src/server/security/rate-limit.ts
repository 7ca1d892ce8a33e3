import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import { ApiError } from '../../contract/errors'

/** Starting renders costs money: the routes that start one share a per-client limit. */
export async function renderRateLimit(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000))
      return new ApiError(
        'rate_limited',
        `Too many renders started: you can start ${context.max} a minute. Try again in ${seconds} s.`,
      )
    },
  })
}

export function renderLimit(perMinute: number) {
  return { rateLimit: { max: perMinute, timeWindow: 60_000, groupId: 'renders' } }
}
