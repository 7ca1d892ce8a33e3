import type { FastifyBaseLogger } from 'fastify'
import type { Bindings, ChildLoggerOptions, Level, Logger } from 'pino'

const isPino = (logger: FastifyBaseLogger): logger is Logger =>
  typeof (logger as Partial<Logger>).isLevelEnabled === 'function'

/**
 * Each request's logger (`request.log`), whose pino child is made only when the request writes a
 * line at a level the logger keeps. Fastify's own factory builds that child (its bindings
 * serialised) for every request, which a poll that logs nothing at the default level paid for
 * nothing (docs/benchmarks.md, reads). The lines it writes are the child's: same reqId binding.
 */
class RequestLogger implements FastifyBaseLogger {
  private made: Logger | null = null

  constructor(
    private readonly parent: Logger,
    private readonly bindings: Bindings,
  ) {}

  private get logger(): Logger {
    return (this.made ??= this.parent.child(this.bindings))
  }

  get level(): string {
    return this.made?.level ?? this.parent.level
  }

  set level(level: string) {
    this.logger.level = level
  }

  fatal(...args: unknown[]): void {
    this.write('fatal', args)
  }
  error(...args: unknown[]): void {
    this.write('error', args)
  }
  warn(...args: unknown[]): void {
    this.write('warn', args)
  }
  info(...args: unknown[]): void {
    this.write('info', args)
  }
  debug(...args: unknown[]): void {
    this.write('debug', args)
  }
  trace(...args: unknown[]): void {
    this.write('trace', args)
  }
  silent(): void {}

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.logger.child(bindings, options)
  }

  private write(level: Level, args: unknown[]): void {
    if (this.made === null && !this.parent.isLevelEnabled(level)) return
    const log: (...line: unknown[]) => void = this.logger[level]
    log.apply(this.logger, args)
  }
}

/** Fastify's `childLoggerFactory`: a route with its own log options gets a child at once. */
export function requestLogger(
  parent: FastifyBaseLogger,
  bindings: Bindings,
  options: ChildLoggerOptions,
): FastifyBaseLogger {
  if (!isPino(parent) || Object.keys(options).length > 0) return parent.child(bindings, options)
  return new RequestLogger(parent, bindings)
}
