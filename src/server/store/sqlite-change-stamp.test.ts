import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { sqliteChangeStamp, type ChangeStamp } from './sqlite-change-stamp'

let dir: string
let file: string
let own: Database.Database
let stamp: ChangeStamp
const opened: Database.Database[] = []
/** Another process's commit reaches this one by I/O, in a later turn of the event loop. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

function connect(name = file): Database.Database {
  const connection = new Database(name)
  connection.pragma('journal_mode = WAL')
  opened.push(connection)
  return connection
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'change-stamp-'))
  file = path.join(dir, 'dailies.db')
  own = connect()
  own.exec('CREATE TABLE takes (id TEXT PRIMARY KEY, progress INTEGER)')
  own.prepare("INSERT INTO takes VALUES ('a', 0)").run()
  stamp = sqliteChangeStamp(own, file)
})
afterEach(() => {
  for (const connection of opened.splice(0)) connection.close()
  stamp.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('the change stamp of a SQLite file', () => {
  it('stays put while nothing is written', () => {
    const before = stamp.read()
    own.prepare('SELECT * FROM takes').all()
    expect(stamp.read()).toBe(before)
  })

  it("moves with this connection's writes, before its transaction commits", () => {
    const before = stamp.read()
    own.exec('BEGIN')
    own.prepare("UPDATE takes SET progress = 30 WHERE id = 'a'").run()
    const during = stamp.read()
    expect(during).not.toBe(before)
    own.prepare("UPDATE takes SET progress = 40 WHERE id = 'a'").run()
    expect(stamp.read()).not.toBe(during)
    own.exec('COMMIT')
    expect(stamp.read()).not.toBe(before)
  })

  it('moves with every commit of another connection, and not before it', async () => {
    const other = connect()
    const before = stamp.read()
    other.exec('BEGIN')
    other.prepare("UPDATE takes SET progress = 55 WHERE id = 'a'").run()
    await nextTurn()
    expect(stamp.read()).toBe(before)
    other.exec('COMMIT')
    await nextTurn()
    const first = stamp.read()
    expect(first).not.toBe(before)
    other.prepare("UPDATE takes SET progress = 60 WHERE id = 'a'").run()
    await nextTurn()
    expect(stamp.read()).not.toBe(first)
  })

  it('moves after another connection checkpoints and starts the log over', async () => {
    const other = connect()
    other.prepare("UPDATE takes SET progress = 55 WHERE id = 'a'").run()
    other.pragma('wal_checkpoint(RESTART)')
    await nextTurn()
    const before = stamp.read()
    // The log starts over from its first frame: the same frame count as some earlier state.
    other.prepare("UPDATE takes SET progress = 56 WHERE id = 'a'").run()
    await nextTurn()
    expect(stamp.read()).not.toBe(before)
  })

  it('reads the -shm file once per turn of the event loop, however many reads that turn asks for', async () => {
    stamp.read()
    await nextTurn()
    const preads = vi.spyOn(fs, 'readSync')
    try {
      const inOneTurn = Array.from({ length: 5 }, () => stamp.read())
      expect(new Set(inOneTurn).size).toBe(1)
      expect(preads).toHaveBeenCalledTimes(1)
      await nextTurn()
      stamp.read()
      expect(preads).toHaveBeenCalledTimes(2)
    } finally {
      preads.mockRestore()
    }
  })

  it('works without a -shm file (an in-memory database)', () => {
    const memory = connect(':memory:')
    memory.exec('CREATE TABLE t (n INTEGER)')
    const memoryStamp = sqliteChangeStamp(memory, ':memory:')
    const before = memoryStamp.read()
    memory.prepare('INSERT INTO t VALUES (1)').run()
    expect(memoryStamp.read()).not.toBe(before)
    memoryStamp.close()
  })
})
