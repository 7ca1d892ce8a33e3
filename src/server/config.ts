import path from 'node:path'
import { z } from '../lib/zod'
import { defaultFfmpegPath } from '../lib/ffmpeg'
import { providerSchema, type Provider } from '../contract/capabilities'
import { tokenWeakness } from './security/token-strength'
import type { ModelEntry } from '../contract/catalog'
import { CatalogFileError, loadCatalog } from './catalog/catalog-file'

/** The only reader of process.env. Everything configurable is parsed here, once. */

const PROFILE_BASE_URLS: Partial<Record<Provider, string>> = {
  cometapi: 'https://api.cometapi.com/v1',
  openai: 'https://api.openai.com/v1',
}

/** How long a deleted take can be brought back (Undo) before it and its files are purged. */
export const DEFAULT_DELETE_GRACE_S = 60

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '::1']

export const SIGN_IN_DEFAULTS: SignInConfig = {
  sessionDays: 7,
  triesPerAddress: 5,
  maxWaitSeconds: 900,
  globalFailuresPerHour: 100,
}

const text = () => z.string().check(z.minLength(1))
const optionalText = () => z.optional(text())
const textOr = (fallback: string) => z._default(text(), fallback)
/** A number from the environment's text, within [min, max], else `fallback` when unset. */
const numberOr = (min: number, max: number, fallback: number) =>
  z._default(z.coerce.number().check(z.gte(min), z.lte(max)), fallback)
const wholeNumberOr = (min: number, max: number, fallback: number) =>
  z._default(z.coerce.number().check(z.int(), z.gte(min), z.lte(max)), fallback)

/** Every variable the studio reads; README's configuration table lists each (a test checks). */
export const envSchema = z.object({
  DAILIES_PROVIDER: z.optional(providerSchema),
  COMETAPI_KEY: optionalText(),
  OPENAI_API_KEY: optionalText(),
  DAILIES_UPSTREAM_KEY: optionalText(),
  DAILIES_UPSTREAM_URL: z.optional(z.url()),
  DAILIES_DATA_DIR: textOr('./data'),
  DATABASE_URL: z.optional(
    z.url({ protocol: /^postgres(ql)?$/, error: 'DATABASE_URL must be a postgres:// URL' }),
  ),
  HOST: textOr('127.0.0.1'),
  PORT: wholeNumberOr(0, 65535, 4400),
  DAILIES_TOKEN: optionalText(),
  DAILIES_SESSION_DAYS: z._default(
    z.coerce.number().check(z.positive(), z.lte(365)),
    SIGN_IN_DEFAULTS.sessionDays,
  ),
  DAILIES_SIGNIN_TRIES: wholeNumberOr(1, 100, SIGN_IN_DEFAULTS.triesPerAddress),
  DAILIES_SIGNIN_MAX_WAIT: wholeNumberOr(1, 86_400, SIGN_IN_DEFAULTS.maxWaitSeconds),
  DAILIES_SIGNIN_GLOBAL_LIMIT: wholeNumberOr(1, 100_000, SIGN_IN_DEFAULTS.globalFailuresPerHour),
  DAILIES_TRUST_PROXY: optionalText(),
  DAILIES_RATE_LIMIT: wholeNumberOr(1, 10_000, 60),
  DAILIES_DELETE_GRACE_S: numberOr(0, 86_400, DEFAULT_DELETE_GRACE_S),
  DAILIES_SIM_TIME_SCALE: numberOr(0, 100, 1),
  DAILIES_SIM_KEY: optionalText(),
  FFMPEG_PATH: optionalText(),
  DAILIES_MODELS: optionalText(),
  DAILIES_PROVIDER_CONCURRENCY: wholeNumberOr(1, 1000, 8),
  DAILIES_LEASE_SECONDS: numberOr(1, 3600, 30),
  DAILIES_JOB_MAX_AGE_MINUTES: numberOr(1, 7 * 24 * 60, 60),
  DAILIES_S3_ENDPOINT: z.optional(z.url()),
  DAILIES_S3_BUCKET: optionalText(),
  DAILIES_S3_REGION: textOr('us-east-1'),
  AWS_ACCESS_KEY_ID: optionalText(),
  AWS_SECRET_ACCESS_KEY: optionalText(),
  AWS_SESSION_TOKEN: optionalText(),
  LOG_LEVEL: z._default(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
})

export interface UpstreamConfig {
  baseURL: string
  apiKey: string
  /** The setting that holds the key, named in messages about a refused key. */
  keyName: string
}

export interface Config {
  provider: Provider
  /** null when the embedded simulator is the provider: its URL is known only once it listens. */
  upstream: UpstreamConfig | null
  dataDir: string
  /** A PostgreSQL URL (DATABASE_URL), or null: the SQLite file `dailies.db` in dataDir. */
  databaseUrl: string | null
  host: string
  port: number
  token: string | null
  signIn: SignInConfig
  /** Fastify's trustProxy: whose X-Forwarded-For / -Proto to believe (client address, HTTPS). */
  trustProxy: boolean | string[]
  /** Renders (create, remix, retry) each client may start per minute. */
  rendersPerMinute: number
  /** Seconds a deleted job waits, files and all, for an Undo before it is purged. */
  deleteGraceS: number
  simulator: { timeScale: number; apiKey: string | null }
  /** The ffmpeg the BFF (frames) and the embedded simulator (renders) run. */
  ffmpegPath: string
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL']
  /** The model catalog: built-in entries with the DAILIES_MODELS file laid over them. */
  models: ModelEntry[]
  /** Provider polls and downloads in flight at once, all replicas together (DAILIES_PROVIDER_CONCURRENCY). */
  providerConcurrency: number
  /** How long a replica's lease on a job or export holds unrenewed (DAILIES_LEASE_SECONDS). */
  leaseMs: number
  /** A take not finished this long after it started fails (DAILIES_JOB_MAX_AGE_MINUTES). */
  jobMaxAgeMs: number
  /** The bucket job files go to instead of the vault folder (DAILIES_S3_BUCKET), or null. */
  s3: S3Settings | null
}

export interface S3Settings {
  /** An S3-compatible server's URL; null for AWS itself. */
  endpoint: string | null
  bucket: string
  region: string
  /** null: the AWS SDK finds them itself (an instance or task role). */
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | null
}

export interface SignInConfig {
  /** A session ends after this many days without a request (sliding). */
  sessionDays: number
  /** Wrong tokens one client address may send before each further one makes it wait. */
  triesPerAddress: number
  /** The longest wait, in seconds: it starts at 1 s and doubles with each further wrong token. */
  maxWaitSeconds: number
  /** Wrong tokens from all addresses together in an hour before unknown addresses must wait. */
  globalFailuresPerHour: number
}

export class ConfigError extends Error {}

/** `true`/`false`, or a comma-separated list of proxy addresses or CIDR ranges. */
function parseTrustProxy(value: string | undefined): boolean | string[] {
  if (value === undefined || value === 'false') return false
  if (value === 'true') return true
  return value.split(',').map((part) => part.trim()).filter(Boolean)
}

function pickProvider(env: z.infer<typeof envSchema>): Provider {
  if (env.DAILIES_PROVIDER) return env.DAILIES_PROVIDER
  if (env.DAILIES_UPSTREAM_URL) return 'custom'
  if (env.COMETAPI_KEY) return 'cometapi'
  if (env.OPENAI_API_KEY) return 'openai'
  return 'simulator'
}

function upstreamFor(provider: Provider, env: z.infer<typeof envSchema>): UpstreamConfig | null {
  if (provider === 'simulator') return null
  const keyVar =
    provider === 'cometapi' ? 'COMETAPI_KEY' : provider === 'openai' ? 'OPENAI_API_KEY' : 'DAILIES_UPSTREAM_KEY'
  const apiKey = env[keyVar]
  if (!apiKey) throw new ConfigError(`DAILIES_PROVIDER=${provider} needs ${keyVar} to be set`)
  const baseURL = provider === 'custom' ? env.DAILIES_UPSTREAM_URL : (env.DAILIES_UPSTREAM_URL ?? PROFILE_BASE_URLS[provider])
  if (!baseURL) throw new ConfigError('DAILIES_PROVIDER=custom needs DAILIES_UPSTREAM_URL (e.g. https://gateway.example/v1)')
  return { baseURL: baseURL.replace(/\/+$/, ''), apiKey, keyName: keyVar }
}

function s3For(env: z.infer<typeof envSchema>): S3Settings | null {
  if (!env.DAILIES_S3_BUCKET) {
    if (env.DAILIES_S3_ENDPOINT) throw new ConfigError('DAILIES_S3_ENDPOINT is set: set DAILIES_S3_BUCKET too')
    return null
  }
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = env
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new ConfigError('Set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY for the bucket, or neither (an instance role)')
  }
  return {
    endpoint: env.DAILIES_S3_ENDPOINT?.replace(/\/+$/, '') ?? null,
    bucket: env.DAILIES_S3_BUCKET,
    region: env.DAILIES_S3_REGION,
    credentials:
      accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } : null,
  }
}

export function isLoopback(host: string): boolean {
  return LOOPBACK_HOSTS.includes(host) || host.startsWith('127.')
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(source)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new ConfigError(`Bad configuration: ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`)
  }
  const env = parsed.data
  const provider = pickProvider(env)
  if (!isLoopback(env.HOST) && !env.DAILIES_TOKEN) {
    throw new ConfigError(`HOST=${env.HOST} is reachable from other machines: set DAILIES_TOKEN too`)
  }
  const weakness = env.DAILIES_TOKEN ? tokenWeakness(env.DAILIES_TOKEN) : null
  if (weakness) throw new ConfigError(weakness)
  return {
    provider,
    upstream: upstreamFor(provider, env),
    dataDir: path.resolve(env.DAILIES_DATA_DIR),
    databaseUrl: env.DATABASE_URL ?? null,
    host: env.HOST,
    port: env.PORT,
    token: env.DAILIES_TOKEN ?? null,
    signIn: {
      sessionDays: env.DAILIES_SESSION_DAYS,
      triesPerAddress: env.DAILIES_SIGNIN_TRIES,
      maxWaitSeconds: env.DAILIES_SIGNIN_MAX_WAIT,
      globalFailuresPerHour: env.DAILIES_SIGNIN_GLOBAL_LIMIT,
    },
    trustProxy: parseTrustProxy(env.DAILIES_TRUST_PROXY),
    rendersPerMinute: env.DAILIES_RATE_LIMIT,
    deleteGraceS: env.DAILIES_DELETE_GRACE_S,
    simulator: { timeScale: env.DAILIES_SIM_TIME_SCALE, apiKey: env.DAILIES_SIM_KEY ?? null },
    ffmpegPath: env.FFMPEG_PATH ?? defaultFfmpegPath(),
    logLevel: env.LOG_LEVEL,
    models: loadModels(env.DAILIES_MODELS ?? null),
    providerConcurrency: env.DAILIES_PROVIDER_CONCURRENCY,
    leaseMs: env.DAILIES_LEASE_SECONDS * 1000,
    jobMaxAgeMs: env.DAILIES_JOB_MAX_AGE_MINUTES * 60_000,
    s3: s3For(env),
  }
}

function loadModels(file: string | null): ModelEntry[] {
  try {
    return loadCatalog(file === null ? null : path.resolve(file))
  } catch (error) {
    if (error instanceof CatalogFileError) throw new ConfigError(error.message)
    throw error
  }
}
