/** Scaffold: replaced by the feature's real component. */
export function ComposePanel() {
  return (
    <section aria-label="Compose" className="p-5">
      <h2 className="text-xs font-medium tracking-label text-text-muted uppercase">Compose</h2>
    </section>
  )
}
