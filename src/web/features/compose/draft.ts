import { z } from 'zod'
import { fitSchema } from '../../../contract/api'

export const MAX_TAKES = 4
const KEY = 'dailies:compose-draft:v1'

// Each field on its own: a draft from an older build keeps whatever still makes sense.
const draftSchema = z.object({
  prompt: z.string().optional().catch(undefined),
  model: z.string().max(100).optional().catch(undefined),
  size: z.string().max(40).optional().catch(undefined),
  seconds: z.number().int().positive().optional().catch(undefined),
  fit: fitSchema.optional().catch(undefined),
  takes: z.number().int().min(1).max(MAX_TAKES).optional().catch(undefined),
})

export type Draft = z.infer<typeof draftSchema>

/** The composer's last state in this browser, or an empty draft (storage can be off or full). */
export function loadDraft(): Draft {
  try {
    const raw = window.localStorage.getItem(KEY)
    if (!raw) return {}
    const parsed = draftSchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : {}
  } catch {
    return {}
  }
}

export function saveDraft(draft: Draft): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(draft))
  } catch {
    // Private mode or a full disk: the form still works, it just will not survive a reload.
  }
}
