import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { AuthorList } from '../../contract/api'
import { listAuthors } from '../store/job-authors'
import type { StudioTables } from '../store/tables'
import { ROUTE_SCHEMAS } from './route-schemas'

/** GET /api/authors: the names the gallery's "Made by" filter offers. */
export function authorRoutes(app: FastifyInstance, db: Kysely<StudioTables>): void {
  app.get(
    '/api/authors',
    { schema: ROUTE_SCHEMAS.authors },
    async (): Promise<AuthorList> => ({ items: await listAuthors(db) }),
  )
}
