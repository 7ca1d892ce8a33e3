/**
 * Calls `run` once the browser is idle, or after `timeoutMs` at the latest; answers a function
 * that cancels it. Safari has no requestIdleCallback: a short timer after the current work
 * stands in for it there.
 */
export function whenIdle(run: () => void, timeoutMs: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: timeoutMs })
    return () => cancelIdleCallback(id)
  }
  const id = setTimeout(run, Math.min(timeoutMs, 200))
  return () => clearTimeout(id)
}
