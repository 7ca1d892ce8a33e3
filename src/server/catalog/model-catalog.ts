import type { Provider } from '../../contract/capabilities'
import { catalogModelsFor, type CatalogModel, type ModelEntry } from '../../contract/catalog'

/**
 * The live catalog for one provider: the entries, what the provider's discovery said, and so
 * which models a new take may use. The only place that knows which models exist.
 */
export class ModelCatalog {
  /** Model ids the provider listed on GET /models; null when it has not said. */
  private listed: ReadonlySet<string> | null = null
  private cache: CatalogModel[] | null = null

  constructor(
    readonly entries: readonly ModelEntry[],
    readonly provider: Provider,
  ) {}

  /** Applies the provider's model list (or null when it has none, or it failed). */
  setDiscovered(ids: readonly string[] | null): void {
    this.listed = ids === null ? null : new Set(ids)
    this.cache = null
  }

  entry(id: string): ModelEntry | undefined {
    return this.entries.find((e) => e.id === id)
  }

  models(): CatalogModel[] {
    this.cache ??= catalogModelsFor(this.entries, this.provider, this.listed)
    return this.cache
  }

  model(id: string): CatalogModel | undefined {
    return this.models().find((m) => m.id === id)
  }

  /** The pixels a size of a model is fitted to, when the catalog knows it. */
  dimensionsOf(modelId: string, size: string): { width: number; height: number } | null {
    const spec = this.entry(modelId)?.sizes.find((s) => s.size === size)
    return spec ? { width: spec.width, height: spec.height } : null
  }
}
