import net from 'node:net'

/** Expands an IPv6 address to its eight 4-digit groups. */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const missing = tail === undefined ? 0 : 8 - left.length - right.length
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((group) =>
    group.padStart(4, '0'),
  )
}

/**
 * The unit the sign-in limits count per client. One IPv6 host usually holds a whole /64 and can
 * pick a fresh address for every guess, so those count as one client; IPv4-mapped IPv6 is IPv4.
 */
export function clientKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1]
  if (mapped) return mapped
  if (net.isIPv6(address)) return `${ipv6Groups(address).slice(0, 4).join(':')}::/64`
  return address
}
