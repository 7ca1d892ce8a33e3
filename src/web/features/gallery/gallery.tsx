/** Scaffold: replaced by the feature's real component. */
export function Gallery() {
  return (
    <section aria-label="Takes" className="p-5">
      <h2 className="text-xs font-medium tracking-label text-text-muted uppercase">Takes</h2>
    </section>
  )
}
