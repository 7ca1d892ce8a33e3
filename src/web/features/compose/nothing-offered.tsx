import type { CatalogModel } from '../../../contract/catalog'

/** When the provider serves none of the catalog: each model and why, so the fix is clear. */
export function NothingOffered({ models }: { models: CatalogModel[] }) {
  return (
    <div
      role="alert"
      className="mb-5 grid gap-2 rounded-md border border-warning/30 bg-warning/5 p-3 text-xs"
    >
      <p className="text-text">
        This provider offers none of the studio’s models, so no take can start. Use a gateway key
        (COMETAPI_KEY, or DAILIES_UPSTREAM_URL with DAILIES_UPSTREAM_KEY), or add a model it serves
        to the DAILIES_MODELS file.
      </p>
      <ul className="grid gap-1 text-text-muted">
        {models.map((m) => (
          <li key={m.id}>
            {m.label} ({m.id}): {m.availability === 'retired' ? 'retired' : 'not offered'}
            {m.note ? ` — ${m.note}` : ''}
          </li>
        ))}
      </ul>
    </div>
  )
}
