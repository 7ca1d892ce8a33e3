import { validate } from '@scalar/openapi-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestStudio, type TestStudio } from '../testing/test-studio'

/**
 * /api/openapi.json is a valid OpenAPI document and documents every /api route the studio
 * serves (a route added without a schema fails here). The routes come from Fastify's own table.
 */
let studio: TestStudio
// A token studio registers every route, the session ones included.
const token = 'a-long-enough-test-token-4815'
const auth = { authorization: `Bearer ${token}` }

beforeAll(async () => {
  studio = await startTestStudio({ config: { token } })
})
afterAll(() => studio.close())

/** Every [path, method] Fastify serves, read from printRoutes' tree (each line adds to its parent's path). */
function servedRoutes(): [string, string][] {
  const routes: [string, string][] = []
  const parents: string[] = []
  for (const line of studio.app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)(?:[├└]── )?(\S+) \(([A-Z, ]+)\)$/.exec(line)
    if (!match) continue
    const depth = (match[1] ?? '').length / 4
    const path = (parents[depth - 1] ?? '') + (match[2] ?? '')
    parents[depth] = path
    for (const method of (match[3] ?? '').split(', ')) routes.push([path, method])
  }
  return routes
}

const isDocsRoute = (path: string) => path === '/api/openapi.json' || path.startsWith('/api/docs')

describe('the OpenAPI document', () => {
  it('is valid OpenAPI', async () => {
    const reply = await studio.app.inject({
      method: 'GET',
      url: '/api/openapi.json',
      headers: auth,
    })
    expect(reply.statusCode).toBe(200)
    const { valid, errors } = await validate(reply.body)
    expect(errors).toEqual([])
    expect(valid).toBe(true)
  })

  it('documents every /api route with its method, summary and replies', async () => {
    const reply = await studio.app.inject({
      method: 'GET',
      url: '/api/openapi.json',
      headers: auth,
    })
    type Operation = { summary?: string; responses?: Record<string, unknown> }
    const paths = reply.json<{ paths: Record<string, Record<string, Operation>> }>().paths
    // @fastify/swagger lists a route without a schema too, bare: a documented route has the
    // summary and the replies route-schemas.ts gives it.
    const documented = (operation: Operation | undefined) =>
      !!operation?.summary &&
      Object.keys(operation.responses ?? {}).some((status) => /^2/.test(status))
    const served = servedRoutes().filter(
      ([path, method]) => path.startsWith('/api/') && !isDocsRoute(path) && method !== 'HEAD',
    )
    expect(served.length).toBeGreaterThan(10)
    const missing = served
      .map(([path, method]) => [path.replace(/:(\w+)/g, '{$1}'), method.toLowerCase()] as const)
      .filter(([path, method]) => !documented(paths[path]?.[method]))
      .map(([path, method]) => `${method.toUpperCase()} ${path}`)
    expect(missing, 'give these routes a schema from route-schemas.ts').toEqual([])
  })

  it('describes the job list filters and the job from the contract', async () => {
    const reply = await studio.app.inject({
      method: 'GET',
      url: '/api/openapi.json',
      headers: auth,
    })
    const list = reply.json<{
      paths: Record<string, { get?: { parameters?: { name: string }[] } }>
    }>().paths['/api/jobs']
    expect(list?.get?.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'status',
        'remixOf',
        'model',
        'size',
        'q',
        'group',
        'limit',
        'cursor',
      ]),
    )
  })

  it('has a readable reference page, whose document (JSON and YAML) is the API document', async () => {
    const entry = await studio.app.inject({ method: 'GET', url: '/api/docs', headers: auth })
    const url = entry.statusCode === 301 ? (entry.headers.location ?? '') : '/api/docs'
    const reply = await studio.app.inject({ method: 'GET', url, headers: auth })
    expect(reply.statusCode).toBe(200)
    expect(reply.headers['content-type']).toMatch(/text\/html/)
    // The page loads the document from the URL it names, relative to itself: that one answers too.
    const named = /"url": "([^"]+)"/.exec(reply.body)?.[1] ?? ''
    const documentUrl = new URL(named, `http://studio${url.endsWith('/') ? url : `${url}/`}`)
      .pathname
    expect(documentUrl).toBe('/api/docs/openapi.json')
    const canonical = await studio.app.inject({
      method: 'GET',
      url: '/api/openapi.json',
      headers: auth,
    })
    const json = await studio.app.inject({ method: 'GET', url: documentUrl, headers: auth })
    expect(json.statusCode).toBe(200)
    expect(Object.keys(json.json<{ paths: object }>().paths)).toEqual(
      Object.keys(canonical.json<{ paths: object }>().paths),
    )
    const yaml = await studio.app.inject({
      method: 'GET',
      url: '/api/docs/openapi.yaml',
      headers: auth,
    })
    expect(yaml.statusCode).toBe(200)
    expect(yaml.body).toContain('/api/jobs/{id}:')
  })
})
