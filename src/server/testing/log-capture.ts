import type { DestinationStream } from 'pino'

export interface CapturedLogs {
  /** Pass as `overrides.logStream`: pino writes every line here instead of stdout. */
  stream: DestinationStream
  /** Every line written so far, as written. */
  text(): string
  /** The lines parsed as JSON (pino writes one object a line). */
  entries(): Record<string, unknown>[]
}

export function captureLogs(): CapturedLogs {
  const lines: string[] = []
  return {
    stream: { write: (line: string) => void lines.push(line) },
    text: () => lines.join(''),
    entries: () =>
      lines
        .join('')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  }
}
