import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Job } from '../../contract/job'
import { ApiError } from '../../contract/errors'
import { noteIdSchema, type Note, type NoteList } from '../../contract/review'
import { presentJob } from '../jobs/present'
import { contentDisposition } from '../media/download-name'
import type { NotesExport } from '../review/notes-export'
import type { ReviewService } from '../review/review-service'
import { parseJobId } from './jobs'
import { ROUTE_SCHEMAS } from './route-schemas'

export interface ReviewRoutesDeps {
  review: ReviewService
  notesExport: NotesExport
}

/** A malformed note id is a note that does not exist, as with job ids. */
function parseNoteId(params: unknown): string {
  const id = (params as { noteId?: unknown }).noteId
  const parsed = noteIdSchema.safeParse(id)
  if (!parsed.success) throw new ApiError('not_found', `Note ${String(id)} does not exist`)
  return parsed.data
}

/** Notes and verdicts of takes, and their export: thin handlers over ReviewService and NotesExport. */
export function reviewRoutes(
  fastify: FastifyInstance,
  { review, notesExport }: ReviewRoutesDeps,
): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>()

  app.get(
    '/api/jobs/:id/notes',
    { schema: ROUTE_SCHEMAS.listNotes },
    async (request): Promise<NoteList> => ({
      items: await review.listNotes(parseJobId(request.params)),
    }),
  )

  app.post(
    '/api/jobs/:id/notes',
    { schema: ROUTE_SCHEMAS.createNote },
    async (request, reply): Promise<Note> => {
      const note = await review.createNote(parseJobId(request.params), request.body)
      return reply.status(201).send(note)
    },
  )

  app.patch(
    '/api/jobs/:id/notes/:noteId',
    { schema: ROUTE_SCHEMAS.editNote },
    async (request): Promise<Note> =>
      review.editNote(parseJobId(request.params), parseNoteId(request.params), request.body),
  )

  app.delete(
    '/api/jobs/:id/notes/:noteId',
    { schema: ROUTE_SCHEMAS.deleteNote },
    async (request, reply) => {
      await review.deleteNote(parseJobId(request.params), parseNoteId(request.params))
      return reply.status(204).send(null)
    },
  )

  app.put(
    '/api/jobs/:id/verdict',
    { schema: ROUTE_SCHEMAS.setVerdict },
    async (request): Promise<Job> =>
      presentJob(await review.setVerdict(parseJobId(request.params), request.body.verdict)),
  )

  app.get('/api/review/export', { schema: ROUTE_SCHEMAS.exportNotes }, async (request, reply) => {
    const file = await notesExport.file(request.query)
    return reply
      .type(file.contentType)
      .header('content-disposition', contentDisposition(file.fileName))
      .header('cache-control', 'no-store')
      .send(file.body)
  })
}
