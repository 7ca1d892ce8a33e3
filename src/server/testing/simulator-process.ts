import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort, killHard } from './studio-process'

export interface SimulatorProcess {
  /** e.g. http://127.0.0.1:4410/v1 */
  baseURL: string
  child: ChildProcess
  close(): Promise<void>
}

/** The stand-alone simulator (`src/simulator/main.ts`) as a process of its own, on a free port and a temp folder. */
export async function spawnSimulator(timeScale = 0): Promise<SimulatorProcess> {
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-simproc-'))
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('src/simulator/main.ts')], {
    env: { ...process.env, SIM_PORT: String(port), SIM_DATA_DIR: dataDir, DAILIES_SIM_TIME_SCALE: String(timeScale) },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let errors = ''
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()))
  const baseURL = `http://127.0.0.1:${port}/v1`
  const close = async () => {
    await killHard(child)
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`simulator exited early:\n${errors}`)
    const up = await fetch(`${baseURL}/videos?limit=1`).then(
      (reply) => reply.ok,
      () => false,
    )
    if (up) return { baseURL, child, close }
    if (Date.now() > deadline) {
      await close()
      throw new Error(`simulator did not start:\n${errors}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
