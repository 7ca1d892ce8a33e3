import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'

/** Who holds a lease, and for how long each claim or renewal holds. */
export interface LeaseTerms {
  /** This process: unique across replicas and restarts (see newReplicaId). */
  owner: string
  periodMs: number
}

/**
 * Which process table this process sees: the kernel's boot and pid namespace, where Linux tells
 * (null elsewhere). Two replicas with the same key see the same pids, so one can tell for sure
 * that the other's process is gone.
 */
function processTableKey(): string | null {
  try {
    const boot = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
    const pids = fs.readlinkSync('/proc/self/ns/pid')
    return createHash('sha256').update(`${os.hostname()}\n${boot}\n${pids}`).digest('hex').slice(0, 12)
  } catch {
    return null
  }
}

const LOCAL_KEY = processTableKey()

/** A fresh replica id for this process: `hostname:pid:random`, and the process-table key where known. */
export function newReplicaId(): string {
  const id = `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`
  return LOCAL_KEY ? `${id}:${LOCAL_KEY}` : id
}

/**
 * True only when `owner` was a process this one could see and that process no longer runs (a
 * studio restarted after a crash on the same machine): its leases need not be waited out. A
 * reused pid reads as alive, which only means waiting for the lease to run out.
 */
export function ownerIsGone(owner: string): boolean {
  const [, pid, , key] = owner.split(':')
  if (!LOCAL_KEY || key !== LOCAL_KEY || !pid || Number(pid) === process.pid) return false
  try {
    process.kill(Number(pid), 0)
    return false
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

/** The ISO time a lease taken or renewed at `now` runs out. */
export function leaseEnd(now: Date, terms: LeaseTerms): string {
  return new Date(now.getTime() + terms.periodMs).toISOString()
}
