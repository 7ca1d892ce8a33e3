const MAX_WORDS_LENGTH = 52

export function slugOf(prompt: string, fallback = 'take'): string {
  const words = prompt
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
  let slug = ''
  for (const word of words) {
    if (slug.length + word.length + 1 > MAX_WORDS_LENGTH) break
    slug = slug ? `${slug}-${word}` : word
  }
  return slug || fallback
}

function asciiOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '')
    .replace(/-{2,}/g, '-')
}

/**
 * A readable file name from the prompt and the take's letter, so the takes of one submit do not
 * download under the same words: `lantern-over-a-night-market-take-B-8x2kq0.mp4`.
 */
export function downloadName(job: { prompt: string; id: string; take: string }, extension: string): string {
  return `${slugOf(job.prompt)}-take-${job.take}-${job.id.slice(-6)}.${extension}`
}

/** An exported reel's file name, from the reel's name: `opening-sequence-reel-4k2m9q.mp4`. */
export function reelDownloadName(reel: { name: string; id: string }): string {
  return `${slugOf(reel.name, 'reel')}-reel-${reel.id.slice(-6)}.mp4`
}

/** Content-Disposition with an ASCII fallback and the exact name per RFC 5987 / 6266. */
export function contentDisposition(fileName: string): string {
  const fallback = asciiOf(fileName).replace(/^-+/, '') || 'take'
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`
}
