import fs from 'node:fs'
import type Database from 'better-sqlite3'

/** Two copies of the 48-byte WAL-index header open the `-shm` file (sqlite.org/walformat.html). */
const HEADER_BYTES = 48

export interface ChangeStamp {
  /** A value that moves with every write of this process and every commit by another. */
  read(): string
  /** Call only after the SQLite connection is closed (see below). */
  close(): void
}

/**
 * When the data of a SQLite file last changed, cheaply enough to ask before every read (ReadMemo).
 *
 * - This process's writes: `total_changes()`, which counts every row this connection wrote (Kysely
 *   holds one connection), a transaction's as soon as it makes them. It needs no lock (~0.1 µs).
 * - Commits by any connection, other processes on the same file included: the WAL-index header
 *   at the start of the `-shm` file, which every commit rewrites (its change counter, last frame
 *   and salts) and which SQLite's own readers compare to notice other connections' commits. It is
 *   written twice, the second copy first: copies that differ are a commit being published, and
 *   that read falls back to `PRAGMA data_version`. One `pread`, no lock; `data_version` takes and
 *   releases a WAL read lock (two `fcntl` calls and a read transaction), which cost a polled
 *   `/api/jobs/:id` about a tenth of its CPU time under load (docs/benchmarks.md, reads).
 *
 * The header is read at most once per turn of the event loop: the requests a turn serves (several
 * sockets' data can arrive together under load) share one `pread`, which on a VM costs a polled
 * read about a tenth of its CPU time. Another process's commit is therefore seen from the next
 * turn (any request made after it arrives by I/O, in a later turn); this process's own writes
 * still move the stamp at once.
 *
 * A database that is not a WAL file (`:memory:`) has no header: there `data_version` every time.
 * `file` is the database's path, absolute (the `-shm` file sits beside it).
 *
 * POSIX drops all of a process's `fcntl` locks on a file when any descriptor of it is closed, so
 * the descriptor opened here on `-shm` is closed only after SQLite has closed the database
 * (sqlite.org/howtocorrupt.html, 2.2).
 */
export function sqliteChangeStamp(sqlite: Database.Database, file: string): ChangeStamp {
  const ownWrites = sqlite.prepare<[], number>('SELECT total_changes()').pluck()
  const exact = sqlite
    .prepare<[], string>("SELECT total_changes() || ':' || data_version FROM pragma_data_version")
    .pluck()
  const wal = !sqlite.memory && String(sqlite.pragma('journal_mode', { simple: true })) === 'wal'
  const headers = Buffer.alloc(2 * HEADER_BYTES)
  let fd: number | null = null

  const header = (): string | null => {
    if (!wal) return null
    if (fd === null) {
      try {
        fd = fs.openSync(`${file}-shm`, 'r')
      } catch {
        // Not created yet (no read in WAL mode so far): the exact way, until it is.
        return null
      }
    }
    if (fs.readSync(fd, headers, 0, headers.length, 0) < headers.length) return null
    // isInit (byte 12) is set once a connection has built the index.
    if (headers[12] !== 1 || headers.compare(headers, HEADER_BYTES, 2 * HEADER_BYTES, 0, HEADER_BYTES) !== 0)
      return null
    return headers.toString('latin1', 0, HEADER_BYTES)
  }

  let headerThisTurn: string | null = null
  const publishedHeader = (): string | null => {
    if (headerThisTurn !== null) return headerThisTurn
    headerThisTurn = header()
    // A header being published (null) is not kept: the next read looks again.
    if (headerThisTurn !== null)
      setImmediate(() => {
        headerThisTurn = null
      })
    return headerThisTurn
  }

  return {
    read() {
      const published = publishedHeader()
      return published === null ? (exact.get() ?? '') : `${ownWrites.get() ?? 0}:${published}`
    },
    close() {
      if (fd !== null) fs.closeSync(fd)
      fd = null
    },
  }
}
