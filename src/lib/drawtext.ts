import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/** drawtext needs an explicit font: the build has no usable fontconfig defaults. */
export function defaultFontPath(): string {
  return require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')
}

/**
 * Escapes a filter option value for a filtergraph: once for the option parser (`\ ' :`), then
 * once more for the graph parser (`\ ' [ ] , ;`), since both strip a level of escaping.
 */
export function escapeFilterValue(value: string): string {
  const option = value.replace(/[\\':]/g, (c) => `\\${c}`)
  return option.replace(/[\\'[\],;]/g, (c) => `\\${c}`)
}
