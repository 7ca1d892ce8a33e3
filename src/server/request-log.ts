import { LogController, type FastifyReply, type FastifyRequest } from 'fastify'

/**
 * One line per finished request instead of Fastify's two (incoming + completed), which at the
 * default `info` level cost a busy studio about half its read throughput. Changes (POST, DELETE)
 * and failures are logged at `info`; successful reads, which the gallery and queue poll many
 * times a second from every tab, only at `debug` (LOG_LEVEL=debug shows them all).
 */
export class RequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const line = { req: request, res: reply, responseTime: reply.elapsedTime }
    if (error) return reply.log.error({ ...line, err: error }, 'request errored')
    const read = request.method === 'GET' || request.method === 'HEAD'
    // A level below the logger's is pino's no-op: a quiet read costs one object literal.
    if (read && reply.statusCode < 400) reply.log.debug(line, 'request completed')
    else reply.log.info(line, 'request completed')
  }
}
