import type { Capabilities } from '../../../contract/capabilities'
import { formatBytes, formatImageType, listWithOr } from '../../lib/format'
import { PROVIDER_LABELS } from '../../lib/providers'

/** The limits a prompt and a reference image must fit, in words. */
export function LimitsCard({ capabilities }: { capabilities: Capabilities }) {
  const { upload, promptMaxLength, provider } = capabilities
  const megapixels = Math.round(upload.maxPixels / 1_000_000)
  const rows: [string, string][] = [
    ['Prompt', `Up to ${promptMaxLength.toLocaleString('en-US')} characters`],
    [
      'Reference image',
      `${listWithOr(upload.types.map(formatImageType))}, up to ${formatBytes(upload.maxBytes)} and ${megapixels}\u00a0MP; fitted to the take's size`,
    ],
    [
      'Prices',
      provider === 'simulator'
        ? 'OpenAI list prices, shown for planning; the simulator bills nothing'
        : `${PROVIDER_LABELS[provider]} list prices per second of output`,
    ],
  ]
  return (
    <section
      aria-labelledby="limits-heading"
      className="rounded-lg border border-border bg-surface"
    >
      <h3 id="limits-heading" className="border-b border-border px-4 py-3 text-sm font-semibold">
        Limits
      </h3>
      <dl className="divide-y divide-border/70 text-xs">
        {rows.map(([term, detail]) => (
          <div key={term} className="px-4 py-3">
            <dt className="text-[11px] tracking-label text-text-subtle uppercase">{term}</dt>
            <dd className="mt-1 leading-relaxed text-text-muted">{detail}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
