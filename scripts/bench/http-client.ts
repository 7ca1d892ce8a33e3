import http from 'node:http'

export interface Download {
  status: number
  headers: http.IncomingHttpHeaders
  bytes: number
  ms: number
}

/**
 * A GET whose body is counted and dropped, optionally read no faster than `bytesPerSecond`
 * (a client slower than the disk, so that the server has to hold back rather than buffer).
 */
export function download(
  url: string,
  options: {
    agent?: http.Agent
    headers?: Record<string, string>
    bytesPerSecond?: number
    keep?: boolean
  } = {},
): Promise<Download & { body: Buffer | null }> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const request = http.get(
      url,
      { agent: options.agent ?? false, headers: options.headers ?? {} },
      (res) => {
        let bytes = 0
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length
          if (options.keep) chunks.push(chunk)
          const rate = options.bytesPerSecond
          if (!rate) return
          const wait = started + (bytes / rate) * 1000 - performance.now()
          if (wait > 5) {
            res.pause()
            setTimeout(() => res.resume(), wait)
          }
        })
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            bytes,
            ms: performance.now() - started,
            body: options.keep ? Buffer.concat(chunks) : null,
          }),
        )
        res.on('error', reject)
      },
    )
    request.on('error', reject)
  })
}
