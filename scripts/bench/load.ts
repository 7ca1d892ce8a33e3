import { runLoad } from '../../src/server/testing/load'

/**
 * The full-size load run of issue 6: 100 renders started at once against the simulator in fast
 * mode while 50 browsers poll; every job must complete, archived, with one create upstream each.
 * `npx tsx scripts/bench/load.ts [jobs] [browsers]`; exits 1 when a promise was broken.
 */
const jobs = Number(process.argv[2] ?? 100)
const browsers = Number(process.argv[3] ?? 50)

const report = await runLoad({ jobs, browsers, timeoutMs: 15 * 60_000 })
const seconds = (report.elapsedMs / 1000).toFixed(1)
console.log(
  `${report.jobs.length} jobs, ${browsers} browsers: ${seconds} s, ` +
    `${(report.jobs.length / (report.elapsedMs / 1000)).toFixed(2)} jobs/s, ` +
    `${report.upstreamCreates} creates upstream, ${report.upstreamVideos.length} videos upstream, ` +
    `${report.browserPolls} browser polls`,
)
if (report.problems.length > 0) {
  console.error(`${report.problems.length} problems:\n${report.problems.join('\n')}`)
  process.exitCode = 1
}
