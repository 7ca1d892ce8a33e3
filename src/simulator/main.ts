import path from 'node:path'
import { z } from 'zod'
import { startSimulator } from './server'

/** Standalone entry (`npm run simulator`). The only file of the simulator that reads process.env. */
const envSchema = z.object({
  SIM_PORT: z.coerce.number().int().min(0).max(65535).default(4410),
  SIM_HOST: z.string().min(1).default('127.0.0.1'),
  SIM_DATA_DIR: z.string().min(1).default('./data/simulator'),
  DAILIES_SIM_TIME_SCALE: z.coerce.number().min(0).max(100).default(1),
  DAILIES_SIM_KEY: z.string().min(1).optional(),
  FFMPEG_PATH: z.string().min(1).optional(),
})

async function main(): Promise<void> {
  const parsed = envSchema.safeParse(process.env)
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
