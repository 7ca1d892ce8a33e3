import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

/**
 * The suites that run a second time on PostgreSQL (issue 13): the store, routes, the job pipeline,
 * hardening and security. The rest never touch the database, or test SQLite itself (its legacy
 * upgrade and file handling in migrations.test.ts), and run once in `node`.
 */
const POSTGRES_SUITES = [
  'src/server/store/job-repository.test.ts',
  'src/server/**/*.postgres.test.ts',
  'src/server/routes/*.test.ts',
  'src/server/jobs/{cancel,reference-fit,resilience,undo-delete,watcher}.test.ts',
  'src/server/leases/*.test.ts',
  'src/server/graceful-stop.test.ts',
  'src/server/reels/*.test.ts',
  'src/server/links/review-links.test.ts',
  'src/server/review/restore-review.test.ts',
  'src/server/metrics/*.test.ts',
  'src/server/hardening/{disk-full,upload-disk-full,downloads,provider-reads,fuzz-create,fuzz-remix,key-secrecy,load,nul-text}.test.ts',
  'src/server/security/{authors,brute-force,headers,review-scope,review-scope.property,security,sessions,sign-in-log}.test.ts',
]

export default defineConfig({
  test: {
    // Vitest's default is one worker per core less one: a single worker on a 2-core CI machine,
    // which then mostly waits (on ffmpeg, timers, PostgreSQL, child studios). Two keep it busy.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/{contract,lib,server,simulator}/**/*.test.ts'],
          exclude: ['**/*.postgres.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'node-pg',
          environment: 'node',
          include: POSTGRES_SUITES,
          exclude: ['src/server/routes/spa.test.ts'],
          // One PostgreSQL cluster for the run; each studio gets a database of its own on it.
          globalSetup: ['src/server/testing/postgres-global-setup.ts'],
          setupFiles: ['src/server/testing/postgres-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'web',
          environment: 'jsdom',
          include: ['src/web/**/*.test.{ts,tsx}'],
          setupFiles: ['src/web/testing/setup.ts'],
          // user-event types character by character; on 2 shared cores a long prompt alone can
          // take seconds, so the 5 s default fails tests that are merely slow, not wrong.
          testTimeout: 20_000,
        },
      },
    ],
  },
})
