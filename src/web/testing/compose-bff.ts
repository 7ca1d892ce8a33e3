import { http, HttpResponse } from 'msw'
import type { Job } from '../../contract/job'
import { makeJob } from './job-script'

/** One POST /api/jobs as the BFF received it. */
export interface SentCreate {
  fields: Record<string, string>
  file: File | null
}

type Reply = (sent: SentCreate, index: number) => Response | Job | undefined

/**
 * The BFF's create endpoint for composer tests: records every multipart request and answers
 * 201 with a job made from the fields, unless `reply` answers otherwise for that request.
 */
export function createEndpoint(reply?: Reply) {
  const sent: SentCreate[] = []
  const handler = http.post('/api/jobs', async ({ request }) => {
    const form = await request.formData()
    const fields: Record<string, string> = {}
    let file: File | null = null
    form.forEach((value, key) => {
      if (typeof value === 'string') fields[key] = value
      else file = value
    })
    const entry = { fields, file }
    sent.push(entry)
    const custom = reply?.(entry, sent.length - 1)
    if (custom instanceof Response) return custom
    const job =
      custom ??
      makeJob({
        prompt: fields.prompt ?? '',
        model: fields.model as Job['model'],
        size: fields.size as Job['size'],
        seconds: Number(fields.seconds),
        group: fields.group ?? null,
        status: 'queued',
      })
    return HttpResponse.json<Job>(job, { status: 201 })
  })
  return { sent, handler }
}

export function errorReply(
  status: number,
  code: string,
  message: string,
  field?: string,
): Response {
  return HttpResponse.json({ error: { code, message, ...(field ? { field } : {}) } }, { status })
}
