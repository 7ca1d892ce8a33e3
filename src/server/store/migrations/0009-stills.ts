import type { StudioMigration } from './index'

/**
 * Tile-sized stills (issue 14): a take archived from now on has a small WebP beside its thumbnail;
 * its width and the thumbnail's are what the gallery's srcset names. Older takes have neither.
 */
export const stills: StudioMigration = {
  async up(db) {
    await db.schema.alterTable('jobs').addColumn('still_width', 'integer').execute()
    await db.schema.alterTable('jobs').addColumn('thumbnail_width', 'integer').execute()
  },
}
