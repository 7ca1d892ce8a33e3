import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Job } from '../../contract/job'
import { ApiError } from '../../contract/errors'
import { noteIdSchema, type Note, type NoteList } from '../../contract/review'
import { presentJob } from '../jobs/present'
import { contentDisposition } from '../media/download-name'
import type { NotesExport } from '../review/notes-export'
import { presentNote, type ReviewActor } from '../review/review-actor'
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

/** Who is asking: a reviewer through their link (scope hook), else the studio's owner. */
function actorOf(request: FastifyRequest): ReviewActor {
  const { review } = request
  return review
    ? { kind: 'reviewer', name: review.reviewer, session: review.sessionHash }
    : { kind: 'owner', name: request.author }
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
    async (request): Promise<NoteList> => {
      const notes = await review.listNotes(parseJobId(request.params))
      return { items: notes.map((note) => presentNote(note, actorOf(request))) }
    },
  )

  app.post(
    '/api/jobs/:id/notes',
    { schema: ROUTE_SCHEMAS.createNote },
    async (request, reply): Promise<Note> => {
      const actor = actorOf(request)
      const note = await review.createNote(parseJobId(request.params), request.body, actor)
      return reply.status(201).send(presentNote(note, actor))
    },
  )

  app.patch(
    '/api/jobs/:id/notes/:noteId',
    { schema: ROUTE_SCHEMAS.editNote },
    async (request): Promise<Note> => {
      const actor = actorOf(request)
      const [jobId, noteId] = [parseJobId(request.params), parseNoteId(request.params)]
      return presentNote(await review.editNote(jobId, noteId, request.body, actor), actor)
    },
  )

  app.delete(
    '/api/jobs/:id/notes/:noteId',
    { schema: ROUTE_SCHEMAS.deleteNote },
    async (request, reply) => {
      await review.deleteNote(parseJobId(request.params), parseNoteId(request.params), actorOf(request))
      return reply.status(204).send(null)
    },
  )

  app.put(
    '/api/jobs/:id/verdict',
    { schema: ROUTE_SCHEMAS.setVerdict },
    async (request): Promise<Job> =>
      presentJob(await review.setVerdict(parseJobId(request.params), request.body.verdict, actorOf(request))),
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
