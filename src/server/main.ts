import { ConfigError, loadConfig } from './config'
import { createStudio } from './studio'

async function main(): Promise<void> {
  const config = loadConfig()
  const studio = await createStudio(config)
  let closing = false
  // A graceful stop (SIGTERM from an orchestrator, Ctrl-C): no new leases, the requests and
  // provider calls under way finish, every lease is let go for the other replicas, exit 0.
  const close = async (): Promise<void> => {
    if (closing) return
    closing = true
    try {
      await studio.close()
      process.exit(0)
    } catch (error) {
      console.error('stopping the studio failed:', error)
      process.exit(1)
    }
  }
  process.once('SIGINT', () => void close())
  process.once('SIGTERM', () => void close())
  await studio.app.listen({ host: config.host, port: config.port })
  const shownHost = config.host.includes(':') ? `[${config.host}]` : config.host
  console.log(`Dailies studio: http://${shownHost}:${config.port}  (provider: ${config.provider})`)
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error)
  process.exit(1)
})
