import pino, { type DestinationStream, type Logger } from 'pino'
import pretty from 'pino-pretty'
import type { Config } from './config'

/** Never logged: a browser's session cookie and any bearer token it sends. */
export const LOG_REDACT = ['req.headers.authorization', 'req.headers.cookie']

/** Where lines go. A terminal says so with `isTTY`, as process.stdout does when a person watches it. */
export type LogDestination = DestinationStream & { isTTY?: boolean }

/**
 * The studio's logger: JSON lines for files, pipes and log collectors; readable lines when the
 * destination (stdout by default) is a terminal, coloured on the real one. Redaction happens
 * before either format.
 */
export function createLogger(level: Config['logLevel'], destination?: LogDestination): Logger {
  const options = { level, redact: LOG_REDACT }
  const terminal = (destination ?? process.stdout).isTTY === true
  if (!terminal) return destination ? pino(options, destination) : pino(options)
  const prettifier = pretty({
    colorize: destination === undefined,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname',
    singleLine: true,
    sync: true,
    ...(destination ? { destination } : {}),
  })
  return pino(options, prettifier)
}
