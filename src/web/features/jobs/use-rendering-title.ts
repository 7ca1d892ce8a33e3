import { useQueries } from '@tanstack/react-query'
import { useEffect } from 'react'
import type { Job } from '../../../contract/job'
import { jobQueries } from '../../lib/job-queries'

/** The progress mark this hook puts in front of the title. */
export const PROGRESS_MARK = /^▶ \d+% · /
// A hidden tab counting finished takes ("(2) takes finished · …") keeps that title: it matters more.
const FINISHED_COUNT = /^\(\d+\) /

/**
 * While takes render, the tab's title leads with their overall progress ("▶ 42% · Dailies"), so
 * a tab in the background still says how far along they are. It reads the queue rows' own polls.
 */
export function useRenderingTitle(jobs: Job[]): void {
  const progress = useQueries({
    queries: jobs.map((job) => ({ ...jobQueries.detail(job.id), initialData: job })),
    combine: (results) =>
      results.length === 0
        ? null
        : Math.round(
            results.reduce((sum, result) => sum + result.data.progress, 0) / results.length,
          ),
  })
  useEffect(() => {
    if (FINISHED_COUNT.test(document.title)) return
    const plain = document.title.replace(PROGRESS_MARK, '')
    document.title = progress === null ? plain : `▶ ${progress}% · ${plain}`
  }, [progress])
}
