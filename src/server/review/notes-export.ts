import type { ExportNotesScope } from '../../contract/review'
import { notFound } from '../errors'
import type { JobService } from '../jobs/job-service'
import { slugOf } from '../media/download-name'
import type { JobRecord } from '../store/job-record'
import type { ExportTake } from './export-take'
import { notesCsv } from './notes-csv'
import { notesMarkdown } from './notes-markdown'
import type { ReviewRepository } from './review-repository'
import type { TakeFps } from './take-fps'

export interface NotesFile {
  fileName: string
  contentType: string
  body: string
}

export interface NotesExportDeps {
  jobs: JobService
  repo: ReviewRepository
  fps: TakeFps
  now: () => Date
}

/** The notes, verdicts and prompts of some takes, a group or the circled takes, as CSV or Markdown. */
export class NotesExport {
  constructor(private readonly deps: NotesExportDeps) {}

  async file(scope: ExportNotesScope): Promise<NotesFile> {
    const jobs = await this.jobsOf(scope)
    const takes: ExportTake[] = []
    for (const job of jobs) {
      takes.push({
        job,
        notes: await this.deps.repo.notesOf(job.id),
        fps: await this.deps.fps.of(job.id),
      })
    }
    const now = this.deps.now()
    const name = `${fileStem(scope, jobs)}-notes-${now.toISOString().slice(0, 10)}`
    return scope.format === 'csv'
      ? { fileName: `${name}.csv`, contentType: 'text/csv; charset=utf-8', body: notesCsv(takes) }
      : {
          fileName: `${name}.md`,
          contentType: 'text/markdown; charset=utf-8',
          body: notesMarkdown(titleOf(scope, jobs), takes, now),
        }
  }

  private async jobsOf(scope: ExportNotesScope): Promise<JobRecord[]> {
    const get = (ids: readonly string[]) => Promise.all(ids.map((id) => this.deps.jobs.get(id)))
    if (scope.job) return get(scope.job)
    if (scope.group) {
      const ids = await this.deps.repo.takeIds({ group: scope.group })
      if (ids.length === 0) throw notFound(`Group ${scope.group}`)
      return (await get(ids)).filter((job) => job.status === 'completed')
    }
    return get(await this.deps.repo.takeIds({ verdict: 'circled' }))
  }
}

function fileStem(scope: ExportNotesScope, jobs: readonly JobRecord[]): string {
  const first = jobs[0]
  if (scope.verdict || !first) return 'circled-takes'
  if (scope.group) return `${slugOf(first.prompt)}-takes`
  return jobs.length === 1 ? `${slugOf(first.prompt)}-take-${first.take}` : `${jobs.length}-takes`
}

function titleOf(scope: ExportNotesScope, jobs: readonly JobRecord[]): string {
  const first = jobs[0]
  if (scope.verdict || !first) return 'Notes on the circled takes'
  if (scope.group) return `Notes on the takes of “${shortPrompt(first.prompt)}”`
  return jobs.length === 1
    ? `Notes on take ${first.take} of “${shortPrompt(first.prompt)}”`
    : `Notes on ${jobs.length} takes`
}

const shortPrompt = (prompt: string) => {
  const line = prompt.split(/\r?\n/)[0] ?? ''
  return line.length > 60 ? `${line.slice(0, 59)}…` : line
}
