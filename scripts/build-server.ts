import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'

/** Where `npm run build` puts the server; `npm start` runs `dist-server/main.js` with plain node. */
export const SERVER_OUT_DIR = 'dist-server'

/**
 * Compiles the studio's server (BFF and its embedded simulator) to one JavaScript file, so that
 * production runs it with plain `node`: no TypeScript compiler or tsx at run time. Packages stay
 * outside the bundle and load from node_modules as usual (better-sqlite3 and sharp are native, and
 * ffmpeg and the fonts are found through require.resolve from there).
 */
export async function buildServer(outDir = SERVER_OUT_DIR): Promise<string> {
  const outfile = path.join(outDir, 'main.js')
  await build({
    entryPoints: ['src/server/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20.19',
    format: 'esm',
    packages: 'external',
    sourcemap: true,
    // Stack traces name the functions people read in src/.
    keepNames: true,
    logLevel: 'warning',
  })
  return outfile
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outfile = await buildServer()
  console.log(`server compiled to ${outfile}`)
}
