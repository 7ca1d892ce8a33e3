import { z } from '../../lib/zod'
import { reelExportSchema, type Reel } from '../../contract/reels'

/** What the store keeps of a reel's latest export; `stale` and `video` are worked out when presented. */
export const exportRecordSchema = z.omit(reelExportSchema, { stale: true, video: true })
export type ExportRecord = z.infer<typeof exportRecordSchema>

export interface ReelRecord extends Omit<Reel, 'export'> {
  export: ExportRecord | null
}
