import pino, { type DestinationStream, type Logger } from 'pino'
import pretty from 'pino-pretty'
import type { Config } from './config'

/** Never logged: a browser's session cookie and any bearer token it sends. */
export const LOG_REDACT = ['req.headers.authorization', 'req.headers.cookie']

export interface LogOutput {
  /** Where lines go; stdout by default. */
  stream?: DestinationStream
  /** Readable lines instead of JSON; by default only when stdout is a terminal. */
  readable?: boolean
}

/**
 * The studio's logger: JSON lines for files, pipes and log collectors; readable, coloured lines
 * when a person watches a terminal. Redaction happens before either format.
 */
export function createLogger(level: Config['logLevel'], output: LogOutput = {}): Logger {
  const options = { level, redact: LOG_REDACT }
  const readable = output.readable ?? (output.stream === undefined && process.stdout.isTTY === true)
  if (!readable) return output.stream ? pino(options, output.stream) : pino(options)
  const prettifier = pretty({
    colorize: output.stream === undefined,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname',
    singleLine: true,
    sync: true,
    ...(output.stream ? { destination: output.stream } : {}),
  })
  return pino(options, prettifier)
}
