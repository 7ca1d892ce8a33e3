export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string }

/** Past this many word pairs, the diff falls back to "words the first prompt lacks". */
const MAX_CELLS = 2_000_000

const normal = (word: string) => word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')

function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = []
  for (const part of parts) {
    const last = out.at(-1)
    if (last?.kind === part.kind) last.text += ` ${part.text}`
    else out.push({ ...part })
  }
  return out
}

/**
 * The words `prompt` changes against `base`: a word-level longest common subsequence, case and
 * surrounding punctuation ignored. `added` words are the take's own, `removed` ones only the
 * base had.
 */
export function diffPrompts(base: string, prompt: string): DiffPart[] {
  const a = base.split(/\s+/).filter(Boolean)
  const b = prompt.split(/\s+/).filter(Boolean)
  const na = a.map(normal)
  const nb = b.map(normal)
  if (a.length * b.length > MAX_CELLS) {
    const known = new Set(na)
    return merge(
      b.map((word, i) => ({ kind: known.has(nb[i] ?? '') ? 'same' : 'added', text: word })),
    )
  }
  // lengths[i][j] = LCS of a[i..] and b[j..], in one flat array.
  const width = b.length + 1
  const lengths = new Uint32Array((a.length + 1) * width)
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] =
        na[i] === nb[j]
          ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0)
    }
  }
  const parts: DiffPart[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && na[i] === nb[j]) {
      parts.push({ kind: 'same', text: b[j++] ?? '' })
      i++
    } else if (
      j < b.length &&
      (i >= a.length || (lengths[i * width + j + 1] ?? 0) >= (lengths[(i + 1) * width + j] ?? 0))
    ) {
      parts.push({ kind: 'added', text: b[j++] ?? '' })
    } else {
      parts.push({ kind: 'removed', text: a[i++] ?? '' })
    }
  }
  return merge(parts)
}
