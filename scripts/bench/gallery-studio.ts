import { spawnChild } from './child'
import type { BenchContext } from './context'
import { renderOneTake, seedTakes } from './seed'
import type { StudioChildConfig } from './studio-child'

/**
 * The built studio in a child process with `takes` completed takes in its gallery (one real
 * render, its files shared by every seeded take). Answers the origin it listens on.
 */
export async function startGalleryStudio(ctx: BenchContext, label: string, takes: number): Promise<string> {
  const { outDir } = await ctx.build()
  const take = await renderOneTake(ctx.runTempDir('take'))
  const dataDir = ctx.tempDir(label)
  await seedTakes(dataDir, takes, take)
  const studio = await spawnChild('studio-child.ts', {
    dataDir,
    distDir: outDir,
    logLevel: 'warn',
  } satisfies StudioChildConfig)
  ctx.defer(() => studio.close())
  return `http://127.0.0.1:${await studio.call<number>('port')}`
}
