import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import type { Plugin } from 'vite'

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

/** Text the browser fetches: worth compressing. Images and fonts are compressed already; source
 * maps are fetched only by developer tools, so they are not worth a slower build. */
const TEXT = /\.(?:js|mjs|css|html|svg|json|txt|webmanifest)$/
/** Below this a compressed copy saves less than its extra headers cost. */
export const PRECOMPRESS_MIN_BYTES = 1024

/**
 * Writes `<file>.br` and `<file>.gz` beside every text file under `dir`, at the highest
 * levels (done once per build, so the server never spends CPU compressing a static file).
 * A copy is kept only when it is smaller than the original.
 */
export async function precompressDir(dir: string): Promise<void> {
  const files = (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((name) => path.join(dir, name))
    .filter((file) => TEXT.test(file) && fs.statSync(file).size >= PRECOMPRESS_MIN_BYTES)
  await Promise.all(
    files.map(async (file) => {
      const body = fs.readFileSync(file)
      const [br, gz] = await Promise.all([
        brotli(body, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
          },
        }),
        gzip(body, { level: zlib.constants.Z_BEST_COMPRESSION }),
      ])
      if (br.length < body.length) fs.writeFileSync(`${file}.br`, br)
      if (gz.length < body.length) fs.writeFileSync(`${file}.gz`, gz)
    }),
  )
}

/** The Vite plugin: precompresses the build output once it is written. */
export function precompress(): Plugin {
  let outDir = 'dist'
  return {
    name: 'dailies-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir)
    },
    closeBundle: () => precompressDir(outDir),
  }
}
