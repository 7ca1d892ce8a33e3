import type { FastifyReply, FastifyRequest } from 'fastify'

/** What Fastify writes for a reply it serialised itself. */
const JSON_TYPE = 'application/json; charset=utf-8'

type Written = ReturnType<FastifyReply['serialize']>

/**
 * A polled read's JSON, written once per value the read memo answers (store/read-memo.ts). While
 * the database is unchanged the memo hands every poll the same record, so its reply is presented
 * and serialised (the route's own schema serialiser, reply.serialize) once, not per request: most
 * of what a poll of an unchanged take cost above a bare route (docs/benchmarks.md, reads). A new
 * write makes the memo read new objects, and a value no longer kept is dropped with it (WeakMap).
 *
 * A review link's reply is confined to its takes in preSerialization (security/review-scope.ts),
 * which Fastify skips for a string: a link's request takes the usual path.
 */
export class WrittenReplies<Value extends object> {
  private readonly written = new WeakMap<Value, Written>()

  constructor(private readonly present: (value: Value) => unknown) {}

  send(request: FastifyRequest, reply: FastifyReply, value: Value): FastifyReply {
    if (request.review) return reply.send(this.present(value))
    let body = this.written.get(value)
    if (body === undefined) {
      body = reply.serialize(this.present(value))
      this.written.set(value, body)
    }
    return reply.type(JSON_TYPE).send(body)
  }
}
