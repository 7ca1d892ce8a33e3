import compress from '@fastify/compress'
import type { FastifyInstance } from 'fastify'

/** JSON replies shorter than this go as they are: compressing them saves less than it costs. */
export const COMPRESS_MIN_BYTES = 1024

/**
 * Compresses the API's JSON replies (a page of jobs shrinks about tenfold) with brotli or gzip,
 * as the request's Accept-Encoding allows, and says so in Vary. Static files are not touched:
 * they carry their own precompressed copies (routes/spa.ts), so their Content-Encoding is set.
 * Media (video, images) is not compressible and Range replies are never compressed.
 */
export async function compressReplies(app: FastifyInstance): Promise<void> {
  // The plugin also inflates compressed request bodies, with a preParsing hook on every route;
  // GET and HEAD have no body, so their requests skip that step (run before the plugin's onRoute).
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat()
    if (methods.every((method) => method === 'GET' || method === 'HEAD')) route.decompress = false
  })
  await app.register(compress, {
    global: true,
    threshold: COMPRESS_MIN_BYTES,
    encodings: ['br', 'gzip'],
  })
}
