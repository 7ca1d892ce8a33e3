import type { FastifyError, FastifyInstance } from 'fastify'

/** OpenAI's error envelope, byte for byte the shape the official SDK parses. */
export interface ErrorEnvelope {
  error: { message: string; type: string; param: string | null; code: string | null }
}

interface SimErrorOptions {
  type?: string
  param?: string | null
  code?: string | null
  headers?: Record<string, string>
}

export class SimError extends Error {
  override readonly name = 'SimError'
  readonly type: string
  readonly param: string | null
  readonly code: string | null
  readonly headers: Record<string, string>

  constructor(
    readonly status: number,
    message: string,
    opts: SimErrorOptions = {},
  ) {
    super(message)
    this.type = opts.type ?? 'invalid_request_error'
    this.param = opts.param ?? null
    this.code = opts.code ?? null
    this.headers = opts.headers ?? {}
  }

  toEnvelope(): ErrorEnvelope {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } }
  }
}

/** "'a', 'b', and 'c'" — the way OpenAI lists allowed values. */
export function quoteList(values: readonly string[], joiner = 'and'): string {
  const quoted = values.map((v) => `'${v}'`)
  if (quoted.length <= 1) return quoted.join('')
  if (quoted.length === 2) return `${quoted[0]} ${joiner} ${quoted[1]}`
  return `${quoted.slice(0, -1).join(', ')}, ${joiner} ${quoted[quoted.length - 1]}`
}

export function describeType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a decimal'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'boolean') return 'a boolean'
  return `a ${typeof value}`
}

export const simErrors = {
  missing: (param: string) =>
    new SimError(400, `Missing required parameter: '${param}'.`, {
      param,
      code: 'missing_required_parameter',
    }),
  invalidValue: (param: string, value: string, allowed: readonly string[]) =>
    new SimError(400, `Invalid value: '${value}'. Supported values are: ${quoteList(allowed)}.`, {
      param,
      code: 'invalid_value',
    }),
  invalidType: (param: string, expected: string, value: unknown) =>
    new SimError(
      400,
      `Invalid type for '${param}': expected ${expected}, but got ${describeType(value)} instead.`,
      { param, code: 'invalid_type' },
    ),
  unknownParameter: (param: string) =>
    new SimError(400, `Unknown parameter: '${param}'.`, { param, code: 'unknown_parameter' }),
  notFound: (id: string) => new SimError(404, `Video with id '${id}' not found.`),
  notReady: (message: string) => new SimError(400, message, { code: 'video_not_ready' }),
  modelNotFound: (model: string) =>
    new SimError(404, `The model '${model}' does not exist or you do not have access to it.`, {
      param: 'model',
      code: 'model_not_found',
    }),
}

/** Every error leaves as the OpenAI envelope, Fastify's own 4xx included. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | SimError, request, reply) => {
    if (error instanceof SimError) {
      return reply.status(error.status).headers(error.headers).send(error.toEnvelope())
    }
    const status = error.statusCode ?? 500
    if (status >= 400 && status < 500) {
      const tooLarge = error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_FILES_LIMIT'
      const sim = new SimError(tooLarge ? 413 : status, error.message, {
        param: tooLarge ? 'input_reference' : null,
      })
      return reply.status(sim.status).send(sim.toEnvelope())
    }
    request.log.error({ err: error }, 'simulator error')
    const sim = new SimError(
      500,
      'The server had an error while processing your request. Sorry about that!',
      { type: 'server_error' },
    )
    return reply.status(500).send(sim.toEnvelope())
  })
  app.setNotFoundHandler((request, reply) => {
    const sim = new SimError(404, `Invalid URL (${request.method} ${request.url})`)
    return reply.status(404).send(sim.toEnvelope())
  })
}
