import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { CreateNoteRequest, EditNoteRequest, Note, NoteList } from '../../../contract/review'
import { apiRequest } from '../../lib/api-client'

const JSON_HEADERS = { 'content-type': 'application/json' }
const notesPath = (jobId: string) => `/api/jobs/${encodeURIComponent(jobId)}/notes`
const notePath = (jobId: string, noteId: string) =>
  `${notesPath(jobId)}/${encodeURIComponent(noteId)}`

/** In time order, then by when they were written: the order of the list and the timeline. */
const byTime = (a: Note, b: Note) => a.at - b.at || a.createdAt.localeCompare(b.createdAt)

export const noteQueries = {
  all: () => ['notes'] as const,
  list: (jobId: string) =>
    queryOptions({
      queryKey: [...noteQueries.all(), jobId] as const,
      queryFn: ({ signal }) => apiRequest<NoteList>(notesPath(jobId), { signal }),
      select: (list) => [...list.items].sort(byTime),
    }),
}

/** POST, PATCH and DELETE of a take's notes; each refreshes that take's list. */
export function useNoteMutations(jobId: string) {
  const queryClient = useQueryClient()
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: noteQueries.list(jobId).queryKey })
  const create = useMutation({
    mutationFn: (note: CreateNoteRequest) =>
      apiRequest<Note>(notesPath(jobId), {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify(note),
      }),
    onSuccess: refresh,
  })
  const edit = useMutation({
    mutationFn: ({ id, ...change }: EditNoteRequest & { id: string }) =>
      apiRequest<Note>(notePath(jobId, id), {
        method: 'PATCH',
        headers: JSON_HEADERS,
        body: JSON.stringify(change),
      }),
    onSuccess: refresh,
  })
  const remove = useMutation({
    mutationFn: (id: string) => apiRequest<unknown>(notePath(jobId, id), { method: 'DELETE' }),
    onSuccess: refresh,
  })
  return { create, edit, remove }
}
