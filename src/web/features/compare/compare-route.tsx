import { lazy, Suspense } from 'react'
import { setUrlParam, useCompareParam } from '../../lib/url-state'
import { CompareTooFew } from './compare-too-few'

// Loaded on first use: the studio's first screen does not carry the comparison's code.
const CompareView = lazy(() =>
  import('./compare-view').then((module) => ({ default: module.CompareView })),
)

/** `?compare=id1,id2[,id3,id4]` opens the comparison over the studio; closing it clears the URL. */
export function CompareRoute() {
  const [ids, setIds] = useCompareParam()
  if (ids.length === 1) {
    return (
      <CompareTooFew
        onOpen={() => {
          setIds([])
          setUrlParam('take', ids[0] ?? null)
        }}
        onDismiss={() => setIds([])}
      />
    )
  }
  if (ids.length < 2) return null
  return (
    <Suspense fallback={null}>
      <CompareView key={ids.join(',')} ids={ids} onClose={() => setIds([])} />
    </Suspense>
  )
}
