/** Scaffold: replaced by the feature's real component. */
export function RenderQueue() {
  return (
    <section aria-label="Rendering" className="p-5">
      <h2 className="text-xs font-medium tracking-label text-text-muted uppercase">Rendering</h2>
    </section>
  )
}
