import { REFERENCE_PARTS, type Fit } from '../../contract/api'
import type { StoredReference } from '../store/job-record'
import type { AssetName, Vault } from '../vault/vault'
import { fitReference, type FittedReference } from './reference-image'

/** A job's reference images: the client's original, the fitted copy sent upstream, and the field they came in. */
const ROLES = [
  { original: 'reference-original', fitted: 'reference', field: REFERENCE_PARTS.first },
  { original: 'last-frame-original', fitted: 'last-frame', field: REFERENCE_PARTS.last },
] as const satisfies readonly { original: AssetName; fitted: AssetName; field: string }[]

/** Every file of a job's references, originals and fitted copies, as a retry copies them. */
export const REFERENCE_ASSETS: readonly AssetName[] = ROLES.flatMap((role) => [role.original, role.fitted])

export interface FittedPair {
  first: FittedReference | null
  last: FittedReference | null
}

export const stored = (fitted: FittedReference | null): StoredReference | null =>
  fitted ? { hash: fitted.hash, width: fitted.width, height: fitted.height } : null

/** Whether the job keeps an original its submission step still has to fit. */
export async function hasOriginals(vault: Vault, jobId: string): Promise<boolean> {
  for (const role of ROLES) if (await vault.has(jobId, role.original)) return true
  return false
}

/**
 * The job's submission step for its references (ADR 008): each original in the vault fitted to
 * the render size and stored beside it. Reads the original only when its turn to be fitted comes.
 */
export async function fitStoredReferences(
  vault: Vault,
  jobId: string,
  size: { width: number; height: number },
  fit: Fit,
): Promise<FittedPair> {
  const [first, last] = await Promise.all(
    ROLES.map(async (role) => {
      if (!(await vault.has(jobId, role.original))) return null
      const fitted = await fitReference(() => vault.read(jobId, role.original), size, fit, role.field)
      await vault.writeFile(jobId, role.fitted, fitted.png)
      return fitted
    }),
  )
  return { first: first ?? null, last: last ?? null }
}
