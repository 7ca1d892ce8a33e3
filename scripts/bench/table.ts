/** One line of the result table. `pass` null means the figure is printed for information only. */
export interface Row {
  bench: string
  figure: string
  value: string
  target: string
  pass: boolean | null
}

export function row(
  bench: string,
  figure: string,
  value: string,
  target = '—',
  pass: boolean | null = null,
): Row {
  return { bench, figure, value, target, pass }
}

const verdict = (r: Row): string => (r.pass === null ? 'info' : r.pass ? 'PASS' : 'FAIL')

/** A Markdown table: readable in a terminal, pasteable into the README as is. */
export function formatTable(rows: readonly Row[]): string {
  const header = ['#', 'figure', 'value', 'target', 'result']
  const lines = rows.map((r) => [r.bench, r.figure, r.value, r.target, verdict(r)])
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)))
  const fmt = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`
  return [
    fmt(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...lines.map(fmt),
  ].join('\n')
}

export const fixed = (value: number, digits = 1): string =>
  Number.isFinite(value) ? value.toFixed(digits) : 'n/a'
