import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig } from './config'
import { STRONG_TOKEN } from './testing/sign-in-client'

describe('configuration', () => {
  it('runs on the simulator with no key and no other setup', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({ provider: 'simulator', upstream: null, host: '127.0.0.1', port: 4400 })
  })

  it('picks the provider from the key that is set', () => {
    expect(loadConfig({ COMETAPI_KEY: 'ck' }).upstream).toEqual({
      baseURL: 'https://api.cometapi.com/v1',
      apiKey: 'ck',
      keyName: 'COMETAPI_KEY',
    })
    expect(loadConfig({ OPENAI_API_KEY: 'ok' })).toMatchObject({
      provider: 'openai',
      upstream: { baseURL: 'https://api.openai.com/v1', apiKey: 'ok' },
    })
  })

  it('takes a custom gateway from its URL and key', () => {
    const config = loadConfig({
      DAILIES_UPSTREAM_URL: 'https://gateway.example/v1/',
      DAILIES_UPSTREAM_KEY: 'gk',
    })
    expect(config).toMatchObject({
      provider: 'custom',
      upstream: { baseURL: 'https://gateway.example/v1', apiKey: 'gk', keyName: 'DAILIES_UPSTREAM_KEY' },
    })
  })

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ DAILIES_PROVIDER: 'openai' }, /needs OPENAI_API_KEY/],
    [{ DAILIES_PROVIDER: 'custom', DAILIES_UPSTREAM_KEY: 'k' }, /needs DAILIES_UPSTREAM_URL/],
    [{ DAILIES_PROVIDER: 'sora' }, /DAILIES_PROVIDER/],
    [{ HOST: '0.0.0.0' }, /set DAILIES_TOKEN/],
  ])('stops start-up with one clear line for %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message)
  })

  it('allows a non-loopback host when a token guards it', () => {
    const config = loadConfig({ HOST: '0.0.0.0', DAILIES_TOKEN: STRONG_TOKEN })
    expect(config.token).toBe(STRONG_TOKEN)
  })
})

describe('the studio token', () => {
  it.each([
    ['short', 'Xk9vQ2pL7mN4rT8w', /too short \(16 characters; at least 20\)/],
    ['a dictionary phrase', 'correct horse battery staple', /too easy to guess/],
    ['a repeat', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', /too easy to guess/],
    ['a sequence', '0123456789abcdef0123456789abcdef', /too easy to guess/],
    ['words and a run', 'studio-token-abcdefghijklmnopqrstuvwx', /too easy to guess/],
  ])('refuses %s in one line that names the rule and a command making a good one', (_what, token, rule) => {
    let message = ''
    try {
      loadConfig({ DAILIES_TOKEN: token })
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toMatch(rule)
    expect(message).toContain("node -e \"console.log(crypto.randomBytes(32).toString('base64url'))\"")
    expect(message).not.toContain('\n')
    expect(message).not.toContain(token)
  })

  it('accepts what the suggested command makes', () => {
    const made = spawnSync(process.execPath, ['-e', "console.log(crypto.randomBytes(32).toString('base64url'))"], {
      encoding: 'utf8',
    }).stdout.trim()
    expect(made).toHaveLength(43)
    expect(loadConfig({ DAILIES_TOKEN: made }).token).toBe(made)
  })

  it('stops the studio process at start with that one line', () => {
    const started = spawnSync(process.execPath, ['--import', 'tsx', path.resolve('src/server/main.ts')], {
      env: { ...process.env, DAILIES_TOKEN: 'correct horse battery staple', PORT: '0' },
      encoding: 'utf8',
      timeout: 30_000,
    })
    expect(started.status).toBe(1)
    expect(started.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^DAILIES_TOKEN is too easy to guess/)])
    expect(started.stdout).toBe('')
  })
})

describe('sign-in settings', () => {
  it('default to a 7-day sliding session and growing waits after 5 wrong tokens', () => {
    expect(loadConfig({})).toMatchObject({
      signIn: { sessionDays: 7, triesPerAddress: 5, maxWaitSeconds: 900, globalFailuresPerHour: 100 },
      trustProxy: false,
    })
  })

  it('reads every limit and which proxy to trust', () => {
    const config = loadConfig({
      DAILIES_SESSION_DAYS: '0.5',
      DAILIES_SIGNIN_TRIES: '3',
      DAILIES_SIGNIN_MAX_WAIT: '60',
      DAILIES_SIGNIN_GLOBAL_LIMIT: '20',
      DAILIES_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1',
    })
    expect(config.signIn).toEqual({ sessionDays: 0.5, triesPerAddress: 3, maxWaitSeconds: 60, globalFailuresPerHour: 20 })
    expect(config.trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1'])
    expect(loadConfig({ DAILIES_TRUST_PROXY: 'true' }).trustProxy).toBe(true)
    expect(() => loadConfig({ DAILIES_SIGNIN_TRIES: '0' })).toThrow(/DAILIES_SIGNIN_TRIES/)
    expect(() => loadConfig({ DAILIES_SESSION_DAYS: '0' })).toThrow(/DAILIES_SESSION_DAYS/)
  })
})

describe('media store settings', () => {
  it('keep files in the vault folder unless a bucket is named', () => {
    expect(loadConfig({}).s3).toBeNull()
    expect(() => loadConfig({ DAILIES_S3_ENDPOINT: 'http://minio:9000' })).toThrow(/DAILIES_S3_BUCKET/)
  })

  it('read the bucket, its server, region and keys', () => {
    const config = loadConfig({
      DAILIES_S3_BUCKET: 'takes',
      DAILIES_S3_ENDPOINT: 'http://minio:9000/',
      AWS_ACCESS_KEY_ID: 'id',
      AWS_SECRET_ACCESS_KEY: 'secret',
    })
    expect(config.s3).toEqual({
      bucket: 'takes',
      endpoint: 'http://minio:9000',
      region: 'us-east-1',
      credentials: { accessKeyId: 'id', secretAccessKey: 'secret' },
    })
    const aws = loadConfig({ DAILIES_S3_BUCKET: 'takes', DAILIES_S3_REGION: 'eu-west-3' }).s3
    expect(aws).toEqual({ bucket: 'takes', endpoint: null, region: 'eu-west-3', credentials: null })
  })

  it('refuse half a key pair and an endpoint that is not a URL', () => {
    expect(() => loadConfig({ DAILIES_S3_BUCKET: 'takes', AWS_ACCESS_KEY_ID: 'id' })).toThrow(/AWS_SECRET_ACCESS_KEY/)
    expect(() => loadConfig({ DAILIES_S3_BUCKET: 'takes', DAILIES_S3_ENDPOINT: 'minio' })).toThrow(/DAILIES_S3_ENDPOINT/)
  })
})

describe('database settings', () => {
  it('keep the database in the data folder unless DATABASE_URL names a PostgreSQL one', () => {
    expect(loadConfig({}).databaseUrl).toBeNull()
    const url = 'postgres://dailies:secret@db.internal:5432/dailies?sslmode=require'
    expect(loadConfig({ DATABASE_URL: url }).databaseUrl).toBe(url)
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/dailies' }).databaseUrl).toBe('postgresql://db/dailies')
  })

  it('refuse a URL of another database or none at all', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/dailies' })).toThrow(/DATABASE_URL must be a postgres:\/\/ URL/)
    expect(() => loadConfig({ DATABASE_URL: 'dailies.db' })).toThrow(/DATABASE_URL/)
  })
})
