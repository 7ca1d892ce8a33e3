import { ApiError, apiErrorFromReply } from '../../../contract/errors'
import type { ExportFormat, ExportNotesQuery } from '../../../contract/review'

/** Which takes an export covers: some takes, one group, or every circled take. */
export type ExportNotesScope = Omit<ExportNotesQuery, 'format'>

export function exportNotesPath(scope: ExportNotesScope, format: ExportFormat): string {
  const params = new URLSearchParams({ format })
  for (const id of [scope.job ?? []].flat()) params.append('job', id)
  if (scope.group) params.set('group', scope.group)
  if (scope.verdict) params.set('verdict', scope.verdict)
  return `/api/review/export?${params.toString()}`
}

/** The file name the server gave in Content-Disposition (RFC 5987 form first). */
function fileNameOf(disposition: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1]
  if (encoded) return decodeURIComponent(encoded)
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback
}

/**
 * Fetches the export and hands it to the browser as a download. Fetched rather than followed as
 * a link, so a refusal (a take deleted meanwhile) comes back as an ApiError to show.
 */
export async function downloadNotes(scope: ExportNotesScope, format: ExportFormat): Promise<void> {
  let response: Response
  try {
    response = await fetch(new URL(exportNotesPath(scope, format), document.baseURI))
  } catch (cause) {
    throw new ApiError(
      'network_error',
      'The studio server cannot be reached',
      undefined,
      {},
      { cause },
    )
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null)
    throw apiErrorFromReply(response.status, body, response.statusText)
  }
  const blob = await response.blob()
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileNameOf(response.headers.get('content-disposition'), `notes.${format}`)
  document.body.append(link)
  link.click()
  link.remove()
  // The click has started the download; the object URL can go once it has been read.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
