import { afterAll, inject } from 'vitest'
import { dropTestDatabases, useTestPostgres } from './test-database'

// The node-pg project: every studio and test store in this file lives on PostgreSQL.
useTestPostgres(inject('postgresAdminUrl'))
afterAll(() => dropTestDatabases())
