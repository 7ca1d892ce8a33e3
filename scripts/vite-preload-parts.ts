import path from 'node:path'
import type { Plugin, Rollup } from 'vite'

/**
 * `<link rel="modulepreload">` in a page for parts of the app it imports lazily but waits for
 * before its first frame (the gallery: first-frame.ts), and for the chunks those parts import.
 * Vite preloads only a page's static imports, so a lazy part used to be asked for only once the
 * app's largest script had arrived and run, and a phone's first frame waited for a second round
 * of downloads (docs/benchmarks.md, "The phone's first screen"). Preloaded, it downloads beside
 * that script and still runs in a task of its own when the app imports it.
 *
 * `parts` maps a page (`index.html`) to the modules it preloads, as paths from the root.
 */
export function preloadParts(parts: Readonly<Record<string, readonly string[]>>): Plugin {
  let base = '/'
  return {
    name: 'dailies-preload-parts',
    apply: 'build',
    configResolved(config) {
      base = config.base
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { filename, bundle }) {
        const wanted = parts[path.basename(filename)]
        if (!wanted || !bundle) return html
        const chunks = Object.values(bundle).filter(
          (out): out is Rollup.OutputChunk => out.type === 'chunk',
        )
        const files = new Set<string>()
        const add = (file: string) => {
          if (files.has(file)) return
          files.add(file)
          const chunk = bundle[file]
          if (chunk?.type === 'chunk') chunk.imports.forEach(add)
        }
        for (const module of wanted) {
          const chunk = chunks.find((c) => c.facadeModuleId === path.resolve(module))
          if (!chunk) throw new Error(`preloadParts: no chunk of its own for ${module}`)
          add(chunk.fileName)
        }
        return {
          html,
          tags: [...files]
            .filter((file) => !html.includes(`${base}${file}`))
            .map((file) => ({
              tag: 'link',
              attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` },
              injectTo: 'head' as const,
            })),
        }
      },
    },
  }
}
