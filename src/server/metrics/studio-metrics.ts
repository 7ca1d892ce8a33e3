import { Counter, Gauge, Histogram, Registry } from 'prom-client'
import { JOB_STATUSES } from '../../contract/job-status'

/** Counts of live (not deleted) jobs by status, read from the database at each scrape. */
export type CountJobsByStatus = () => Promise<Record<string, number>>

/**
 * What an operator watches, in Prometheus' text format at /metrics. One registry per studio (tests
 * start several in one process). Counters only grow: "polls per minute" is
 * `rate(dailies_polls_total[5m]) * 60` in Prometheus.
 */
export class StudioMetrics {
  readonly registry = new Registry()

  /** Provider requests by operation, timed until the reply's headers (a download streams on). */
  readonly providerSeconds = new Histogram({
    name: 'dailies_provider_request_duration_seconds',
    help: 'Time the provider took to answer, by operation (create, retrieve, download, …)',
    labelNames: ['op'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  })

  readonly providerErrors = new Counter({
    name: 'dailies_provider_errors_total',
    help: 'Provider requests that failed, by operation and kind (rate_limited, unavailable, auth, …)',
    labelNames: ['op', 'kind'] as const,
    registers: [this.registry],
  })

  readonly polls = new Counter({
    name: 'dailies_polls_total',
    help: "Reads of an unfinished job's state from the provider",
    registers: [this.registry],
  })

  /** Counted by whoever takes over a job whose lease ran out (another replica stopped renewing it). */
  readonly leaseTakeovers = new Counter({
    name: 'dailies_lease_takeovers_total',
    help: "Jobs this replica took over after another replica's lease on them expired",
    registers: [this.registry],
  })

  constructor(countJobs: CountJobsByStatus) {
    new Gauge({
      name: 'dailies_jobs',
      help: 'Jobs by state (deleted ones not counted)',
      labelNames: ['state'] as const,
      registers: [this.registry],
      async collect() {
        const counts = await countJobs()
        for (const state of JOB_STATUSES) this.set({ state }, counts[state] ?? 0)
      },
    })
  }

  /** The text a scrape reads, and its content type. */
  async scrape(): Promise<{ body: string; contentType: string }> {
    return { body: await this.registry.metrics(), contentType: this.registry.contentType }
  }
}
