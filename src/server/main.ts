import { buildApp, LOG_REDACT } from './app'
import { ConfigError, loadConfig } from './config'

async function main(): Promise<void> {
  const config = loadConfig()
  const app = await buildApp({
    provider: config.provider,
    logger: { level: config.logLevel, redact: LOG_REDACT },
  })
  const close = async (): Promise<void> => {
    await app.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void close())
  process.once('SIGTERM', () => void close())
  await app.listen({ host: config.host, port: config.port })
  const shownHost = config.host.includes(':') ? `[${config.host}]` : config.host
  console.log(`Dailies studio: http://${shownHost}:${config.port}  (provider: ${config.provider})`)
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error)
  process.exit(1)
})
