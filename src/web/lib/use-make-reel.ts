import type { CreateReelRequest } from '../../contract/reels'
import { REEL_NAME_MAX } from '../../contract/reel-rules'
import { useCreateReel } from './reel-mutations'
import { setUrlParam } from './url-state'

const NAME_WORDS = 6

/** A first name for a new reel, from its first take's prompt: renamed in place later. */
export function defaultReelName(firstPrompt: string | undefined): string {
  const words = (firstPrompt ?? '').replace(/\s+/g, ' ').trim().split(' ').filter(Boolean)
  if (words.length === 0) return 'Untitled reel'
  const start = words.slice(0, NAME_WORDS).join(' ')
  return `Reel: ${start}${words.length > NAME_WORDS ? '…' : ''}`.slice(0, REEL_NAME_MAX)
}

/** Makes a reel (of chosen takes or of a group) and opens it. */
export function useMakeReel() {
  const create = useCreateReel()
  return {
    make: (request: CreateReelRequest, onMade?: () => void) =>
      create.mutate(request, {
        onSuccess: (reel) => {
          onMade?.()
          setUrlParam('reel', reel.id)
        },
      }),
    pending: create.isPending,
    error: create.error,
  }
}
