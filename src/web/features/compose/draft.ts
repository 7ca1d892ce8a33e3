import { z } from 'zod/mini'
import { fitSchema } from '../../../contract/api'

export const MAX_TAKES = 4
const KEY = 'dailies:compose-draft:v1'

/** A field that reads as missing when it does not make sense (any more). */
const kept = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined)

// Each field on its own: a draft from an older build keeps whatever still makes sense.
const draftSchema = z.object({
  prompt: kept(z.string()),
  model: kept(z.string().check(z.maxLength(100))),
  size: kept(z.string().check(z.maxLength(40))),
  seconds: kept(z.number().check(z.int(), z.positive())),
  fit: kept(fitSchema),
  takes: kept(z.number().check(z.int(), z.gte(1), z.lte(MAX_TAKES))),
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
