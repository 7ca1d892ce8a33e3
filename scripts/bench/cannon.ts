import autocannon from 'autocannon'
import { percentile } from './stats'

export interface CannonResult {
  requests: number
  seconds: number
  rps: number
  latencies: number[]
  failures: number
}

/**
 * One autocannon run (programmatic API): `connections` keep-alive connections for `seconds`,
 * each request's path from `pathFor`. Latencies come from its response events, for exact
 * percentiles (autocannon's own table has no p95).
 */
export async function cannon(
  origin: string,
  pathFor: () => string,
  seconds: number,
  connections = 10,
  headers: Record<string, string> = {},
): Promise<CannonResult> {
  const latencies: number[] = []
  const instance = autocannon({
    url: origin,
    connections,
    duration: seconds,
    headers,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: pathFor() }) }],
  })
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime))
  const result = await instance
  const requests = result.requests.total
  return {
    requests,
    seconds: result.duration,
    rps: requests / result.duration,
    latencies,
    failures: result.errors + result.timeouts + result.non2xx,
  }
}

/** Runs A and B in turn (A B A B …), so that a noisy neighbour hits both alike. */
export async function alternate<T>(
  rounds: number,
  a: () => Promise<T>,
  b: () => Promise<T>,
): Promise<Array<[T, T]>> {
  const pairs: Array<[T, T]> = []
  for (let i = 0; i < rounds; i++) pairs.push([await a(), await b()])
  return pairs
}

/** Several runs as one. */
export function combine(results: readonly CannonResult[]): CannonResult {
  const requests = results.reduce((n, r) => n + r.requests, 0)
  const seconds = results.reduce((n, r) => n + r.seconds, 0)
  return {
    requests,
    seconds,
    rps: requests / seconds,
    latencies: results.flatMap((r) => r.latencies),
    failures: results.reduce((n, r) => n + r.failures, 0),
  }
}

export const p95 = (result: CannonResult): number => percentile(result.latencies, 95)
