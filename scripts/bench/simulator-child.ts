import { startSimulator } from '../../src/simulator/server'
import { childConfig, serveParent } from './child-runtime'

/**
 * The simulator as a provider in another process (as a real one would be), optionally noting the
 * moment each video turns `completed`: it reads its own list every 100 ms, in process, so the
 * studio under test pays nothing for it. The wire's completed_at has only 1 s resolution.
 */
export interface SimulatorChildConfig {
  dataDir: string
  timeScale: number
  concurrency?: number
  trackCompletions?: boolean
}

export interface Completion {
  /** Date.now() when this process first saw the video completed. */
  seenAt: number
  /** The provider's completed_at, unix seconds. */
  completedAt: number
}

interface ListPage {
  data: Array<{ id: string; status: string; completed_at: number | null }>
  last_id: string | null
  has_more: boolean
}

const config = childConfig<SimulatorChildConfig>()
const simulator = await startSimulator({
  dataDir: config.dataDir,
  timeScale: config.timeScale,
  ...(config.concurrency ? { concurrency: config.concurrency } : {}),
})
const completions: Record<string, Completion> = {}

async function look(): Promise<void> {
  let after = ''
  for (;;) {
    const reply = await simulator.app.inject({
      method: 'GET',
      url: `/v1/videos?order=asc&limit=100&after=${after}`,
    })
    const page = reply.json<ListPage>()
    const now = Date.now()
    for (const video of page.data) {
      if (video.status === 'completed' && !completions[video.id]) {
        completions[video.id] = { seenAt: now, completedAt: video.completed_at ?? 0 }
      }
    }
    if (!page.has_more || !page.last_id) return
    after = page.last_id
  }
}

let tracker: NodeJS.Timeout | null = null
if (config.trackCompletions) {
  const tick = () => {
    look()
      .finally(() => (tracker = setTimeout(tick, 100)))
      .catch(() => {})
  }
  tick()
}

serveParent({ baseURL: () => simulator.baseURL, completions: () => completions }, async () => {
  if (tracker) clearTimeout(tracker)
  await simulator.close()
})
