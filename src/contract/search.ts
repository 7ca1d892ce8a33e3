/**
 * Forgiving prompt search, shared by the BFF's list query and the web: case, accents, word order
 * and punctuation do not matter. "LIGHTHOUSE take 3" finds "Take 3: a lighthouse at dusk…".
 */

/** The text as search compares it: lower case, accents gone, punctuation turned into spaces. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** The words of a query; a prompt matches when its folded text contains every one of them. */
export function searchWords(query: string): string[] {
  const folded = foldForSearch(query)
  return folded ? [...new Set(folded.split(' '))] : []
}

export function matchesSearch(prompt: string, query: string): boolean {
  const text = foldForSearch(prompt)
  return searchWords(query).every((word) => text.includes(word))
}
