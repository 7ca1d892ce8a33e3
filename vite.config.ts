import { readFileSync } from 'node:fs'
import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { precompress } from './scripts/vite-precompress'
import { preloadParts } from './scripts/vite-preload-parts'

/** A contract file that builds no schema (decision 011): its values cost the browser no zod. */
const isZodFreeContract = (id: string): boolean =>
  /[\\/]src[\\/]contract[\\/][^\\/]+\.ts$/.test(id) &&
  !/\.test\.ts$/.test(id) &&
  !readFileSync(id, 'utf8').includes("from 'zod/mini'")

// The SPA. `vite build` writes dist/ (with .br and .gz copies of every text file), which the
// BFF serves with a fallback to index.html; `vite` alone serves it with hot reload and
// forwards /api to a BFF on its default port.
export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    // The gallery is a lazy part the studio's first frame waits for (src/web/app/first-frame.ts).
    preloadParts({ 'index.html': ['src/web/features/gallery/gallery.tsx'] }),
    precompress(),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // The reviewer page (/r/<token>) is its own entry: its bundle carries no composer.
    rollupOptions: {
      input: { main: 'index.html', reviewer: 'reviewer.html' },
      // Building a zod schema changes nothing but the schema: one nobody reads is left out of
      // the bundle, so a module that imports only the contract's constants pays for no schema.
      treeshake: { manualPureFunctions: ['z'] },
      // The contract's values without zod (decision 011) are a chunk of their own: merged into a
      // chunk with a schema module, a constant pulled zod into the gallery's first screen.
      output: { codeSplitting: { groups: [{ name: 'contract-values', test: isZodFreeContract }] } },
    },
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': { target: 'http://127.0.0.1:4400', changeOrigin: false },
      '/r/': { target: 'http://127.0.0.1:4400', changeOrigin: false },
    },
  },
})
