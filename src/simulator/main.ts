import path from 'node:path'
import { simulatorEnvSchema } from './env'
import { startSimulator } from './server'

/** Standalone entry (`npm run simulator`). The only file of the simulator that reads process.env. */
async function main(): Promise<void> {
  const parsed = simulatorEnvSchema.safeParse(process.env)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    console.error(
      `Bad configuration: ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`,
    )
    process.exit(1)
  }
  const env = parsed.data
  const sim = await startSimulator({
    dataDir: path.resolve(env.SIM_DATA_DIR),
    host: env.SIM_HOST,
    port: env.SIM_PORT,
    timeScale: env.DAILIES_SIM_TIME_SCALE,
    apiKey: env.DAILIES_SIM_KEY ?? null,
    ...(env.FFMPEG_PATH ? { ffmpegPath: env.FFMPEG_PATH } : {}),
    logger: { level: 'info', redact: ['req.headers.authorization'] },
  })
  console.log(`Dailies simulator listening at ${sim.baseURL}`)
  const shutdown = () => {
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
