import type { Capabilities } from '../../../contract/capabilities'
import { formatSize, formatUsd, orientationOf } from '../../lib/format'
import { AspectGlyph } from './aspect-glyph'

type Model = Capabilities['models'][number]

/** One model: the frames it renders and what a take costs at each length. */
export function ModelCard({ model }: { model: Model }) {
  const headingId = `model-${model.id}`
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-border bg-surface">
      <header className="flex items-baseline gap-3 border-b border-border px-4 py-3">
        <h3 id={headingId} className="text-sm font-semibold text-text">
          {model.label}
        </h3>
        <code className="font-mono text-[11px] text-text-subtle">{model.id}</code>
        <p className="ml-auto text-xs text-text-muted">
          <span className="sr-only">Durations: </span>
          {model.seconds.map((s) => `${s} s`).join(' · ')}
        </p>
      </header>
      <table className="w-full table-fixed text-left text-xs tabular-nums">
        <caption className="sr-only">{model.label}: sizes and prices</caption>
        {/* Fixed columns keep every model's table aligned with the next. */}
        <colgroup>
          <col className="w-[28%]" />
          <col className="w-[18%]" />
          <col />
          {model.seconds.map((s) => (
            <col key={s} className="w-[13%]" />
          ))}
        </colgroup>
        <thead className="text-[11px] tracking-label text-text-subtle uppercase">
          <tr>
            <th scope="col" className="py-2 pl-4 font-medium">
              Size
            </th>
            <th scope="col" className="py-2 font-medium">
              Frame
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              Per second
            </th>
            {model.seconds.map((s) => (
              <th key={s} scope="col" className="py-2 text-right font-medium normal-case last:pr-4">
                {s} s<span className="sr-only"> take</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {model.sizes.map((size) => (
            <tr key={size.size} className="border-t border-border/70 hover:bg-surface-raised/60">
              <th scope="row" className="py-2 pl-4 font-normal text-text">
                <span className="flex items-center gap-2.5">
                  <AspectGlyph size={size.size} />
                  {formatSize(size.size)}
                </span>
              </th>
              <td className="py-2 text-text-muted capitalize">{orientationOf(size.size)}</td>
              <td className="py-2 text-right text-text">{formatUsd(size.pricePerSecond)}</td>
              {model.seconds.map((s) => (
                <td key={s} className="py-2 text-right text-text-muted last:pr-4">
                  {formatUsd(size.pricePerSecond * s)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
