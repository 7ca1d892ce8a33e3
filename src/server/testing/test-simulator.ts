import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  startSimulator,
  type RunningSimulator,
  type SimulatorOptions,
} from '../../simulator/server'

export interface TestSimulator extends RunningSimulator {
  /** The provider's own copy of a finished video's file. */
  content(videoId: string, variant: 'video' | 'thumbnail' | 'spritesheet'): Promise<Buffer>
}

/**
 * The simulator on its own port and temp folder, in fast mode, for tests that put something
 * between it and the studio. close() drops open connections first: after a download the studio
 * abandoned (a full disk, say), the client may leave a fresh keep-alive socket that would hold
 * the server's close until its headers timeout.
 */
export async function startTestSimulator(
  options: Partial<SimulatorOptions> = {},
): Promise<TestSimulator> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-testsim-'))
  const simulator = await startSimulator({ dataDir, timeScale: 0, ...options })
  const auth: Record<string, string> = options.apiKey
    ? { authorization: `Bearer ${options.apiKey}` }
    : {}
  return {
    ...simulator,
    async content(videoId, variant) {
      const reply = await fetch(
        `${simulator.baseURL}/videos/${videoId}/content?variant=${variant}`,
        { headers: auth },
      )
      if (!reply.ok) throw new Error(`content of ${videoId}: ${reply.status}`)
      return Buffer.from(await reply.arrayBuffer())
    },
    async close() {
      simulator.app.server.closeAllConnections()
      await simulator.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
