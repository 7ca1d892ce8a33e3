import type { TestProject } from 'vitest/node'
import { startPostgresCluster } from './postgres'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The node-pg project's cluster: its superuser URL (see postgres-setup.ts). */
    postgresAdminUrl: string
  }
}

/** One PostgreSQL cluster for the whole node-pg run; every studio gets a database of its own on it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgresCluster()
  project.provide('postgresAdminUrl', cluster.adminUrl)
  return () => cluster.stop()
}
