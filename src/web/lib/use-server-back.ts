import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { apiRequest } from './api-client'
import type { Health } from '../../contract/api'

const LOOK_EVERY_MS = 3000

/**
 * While `lost` (the studio server could not be reached), looks for it every few seconds and when
 * the browser says it is online again; once it answers, every query is refreshed (the queue and
 * the gallery drop their errors) and `onBack` runs, so a "cannot be reached" message goes away.
 */
export function useServerBack(lost: boolean, onBack: () => void): void {
  const queryClient = useQueryClient()
  const latest = useRef(onBack)
  useEffect(() => {
    latest.current = onBack
  })
  useEffect(() => {
    if (!lost) return
    let stopped = false
    const look = () => {
      apiRequest<Health>('/api/health').then(
        () => {
          if (stopped) return
          stopped = true
          void queryClient.invalidateQueries()
          latest.current()
        },
        () => undefined,
      )
    }
    const timer = setInterval(look, LOOK_EVERY_MS)
    window.addEventListener('online', look)
    return () => {
      stopped = true
      clearInterval(timer)
      window.removeEventListener('online', look)
    }
  }, [lost, queryClient])
}
