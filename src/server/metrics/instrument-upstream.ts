import { UpstreamError, type Upstream } from '../upstream/types'
import type { StudioMetrics } from './studio-metrics'

/**
 * The adapter, timed: every provider request feeds the latency histogram, every refusal or fault
 * the error counter (a caller's own abort is neither), and each `retrieve` — only the watcher
 * reads a job's state — counts as a poll.
 */
export function instrumentUpstream(upstream: Upstream, metrics: StudioMetrics): Upstream {
  const timed =
    <A extends unknown[], R>(op: string, call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (op === 'retrieve') metrics.polls.inc()
      const stop = metrics.providerSeconds.startTimer({ op })
      try {
        const result = await call(...args)
        stop()
        return result
      } catch (error) {
        if (error instanceof UpstreamError) {
          stop()
          metrics.providerErrors.inc({ op, kind: error.kind })
        }
        throw error
      }
    }
  return {
    create: timed('create', (input, signal) => upstream.create(input, signal)),
    retrieve: timed('retrieve', (id, signal) => upstream.retrieve(id, signal)),
    remix: timed('remix', (id, prompt, signal) => upstream.remix(id, prompt, signal)),
    download: timed('download', (id, variant, signal) => upstream.download(id, variant, signal)),
    list: timed('list', (params, signal) => upstream.list(params, signal)),
    delete: timed('delete', (id, signal) => upstream.delete(id, signal)),
    listModels: timed('models', (signal) => upstream.listModels(signal)),
  }
}
