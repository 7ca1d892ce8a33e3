/** Distinct reads kept at once; past this many the memo starts over. */
const MAX_ENTRIES = 500

/**
 * Reads kept until the database changes, for what every open tab polls every few seconds (the
 * gallery's first page, the takes still rendering). `changeStamp` moves with every write
 * (Store.changeStamp). It is read before the read it guards, so a kept value is never older than
 * its stamp, and a value is answered only while the stamp has not moved. This process's writes
 * move it at once; another process's commits from the next turn of the event loop (the stamp's
 * header is read once per turn: sqlite-change-stamp.ts). What it answers is shared between
 * callers: they must not change it.
 */
export class ReadMemo {
  private stamp: string | null = null
  private readonly entries = new Map<string, Promise<unknown>>()

  constructor(private readonly changeStamp: () => string) {}

  read<T>(key: string, load: () => Promise<T>): Promise<T> {
    const stamp = this.changeStamp()
    if (stamp !== this.stamp) {
      this.entries.clear()
      this.stamp = stamp
    }
    const kept = this.entries.get(key) as Promise<T> | undefined
    if (kept) return kept
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear()
    const loading = load()
    this.entries.set(key, loading)
    loading.catch(() => {
      if (this.entries.get(key) === loading) this.entries.delete(key)
    })
    return loading
  }
}
