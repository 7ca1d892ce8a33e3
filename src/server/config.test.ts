import { describe, expect, it } from 'vitest'
import { loadConfig } from './config'

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
    const config = loadConfig({ HOST: '0.0.0.0', DAILIES_TOKEN: 'a-long-enough-token' })
    expect(config.token).toBe('a-long-enough-token')
  })
})
