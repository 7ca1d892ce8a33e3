import multipart from '@fastify/multipart'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import { UPLOAD_LIMITS } from '../contract/capabilities'
import { installAuth } from './auth'
import { Engine } from './engine'
import { installErrorHandler } from './errors'
import { defaultFfmpegPath } from '../lib/ffmpeg'
import { defaultFontPath } from '../lib/drawtext'
import type { ModelEntry } from '../contract/catalog'
import { simulatorModels } from './models'
import { videoRoutes } from './routes'
import { VideoStore } from './store'

export interface SimulatorOptions {
  /** The simulator's own folder: job JSON under videos/, media under media/. */
  dataDir: string
  /** Render wall time = timeScale × (2 + 2.5 × seconds) s. Default 1; 0 = as fast as ffmpeg. */
  timeScale?: number
  /** When set, every request needs `Authorization: Bearer <apiKey>`. */
  apiKey?: string | null
  /** Default: the binary from @ffmpeg-installer/ffmpeg. */
  ffmpegPath?: string
  logger?: FastifyServerOptions['logger']
  /** ffmpeg processes at once (default 2). */
  concurrency?: number
  /** The models to serve (default: the built-in catalog); retired entries answer model_not_found. */
  models?: readonly ModelEntry[]
}

export interface SimulatorControl {
  /** Resolves once no job is rendering or waiting (tests). */
  idle(): Promise<void>
}

export type SimulatorApp = FastifyInstance & { simulator: SimulatorControl }

/** Builds the simulator without listening (tests use app.inject()). close() stops every render. */
export async function buildSimulator(opts: SimulatorOptions): Promise<SimulatorApp> {
  // A studio that abandons a download may leave an idle keep-alive socket; close() must not wait on it.
  const app = Fastify({ logger: opts.logger ?? false, forceCloseConnections: true })
  const store = new VideoStore(opts.dataDir, (message, err) => app.log.warn({ err }, message))
  const records = await store.load()
  const models = simulatorModels(opts.models)
  const engine = new Engine({
    store,
    pixelsOf: (rec) => {
      const size = models.get(rec.model)?.sizes.find((s) => s.size === rec.size)
      const [w, h] = rec.size.split('x').map(Number)
      return size ?? { width: w || 1280, height: h || 720 }
    },
    timeScale: opts.timeScale ?? 1,
    tools: { ffmpegPath: opts.ffmpegPath ?? defaultFfmpegPath(), fontPath: defaultFontPath() },
    log: app.log,
    concurrency: opts.concurrency ?? 2,
  })
  installErrorHandler(app)
  await app.register(multipart, {
    limits: { fileSize: UPLOAD_LIMITS.maxBytes, files: 4, fields: 20, fieldSize: 256 * 1024 },
  })
  if (opts.apiKey) installAuth(app, opts.apiKey)
  await app.register(
    (v1, _opts, done) => {
      videoRoutes(v1, { store, engine, models })
      done()
    },
    { prefix: '/v1' },
  )
  app.addHook('onClose', () => engine.stop())
  for (const rec of records) engine.start(rec.id)
  const control: SimulatorControl = { idle: () => engine.idle() }
  const base: FastifyInstance = app
  return Object.assign(base, { simulator: control })
}

export interface RunningSimulator {
  /** e.g. http://127.0.0.1:4410/v1 */
  baseURL: string
  close: () => Promise<void>
  app: SimulatorApp
}

export async function startSimulator(
  opts: SimulatorOptions & { host?: string; port?: number },
): Promise<RunningSimulator> {
  const app = await buildSimulator(opts)
  const host = opts.host ?? '127.0.0.1'
  try {
    await app.listen({ host, port: opts.port ?? 0 })
  } catch (err) {
    await app.close()
    throw err
  }
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : opts.port
  const urlHost = host.includes(':') ? `[${host}]` : host
  return { baseURL: `http://${urlHost}:${port}/v1`, close: () => app.close(), app }
}
