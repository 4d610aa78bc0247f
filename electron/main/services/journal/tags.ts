import type { Sqlite } from '../db/client';
import { withAnalyticsDeferred } from '../analytics/day-facts-maintenance';
import type { EventBus } from '../event-bus';
import { AppError } from '../errors';
import type { Tag } from '../../../../shared/domain/journal';
import type { TagCreateInput, TagPatch } from '../../../../shared/domain/trade-input-refs';

/**
 * Tags: create, rename, recolour, merge and delete. Tags never change P&L, so equity is
 * untouched; merges and deletes touch many trades' tags, so the analytics day facts are
 * refreshed once per day they touch (withAnalyticsDeferred).
 */
export function createTags(deps: { sqlite: Sqlite; events: EventBus }) {
  const { sqlite, events } = deps;
  const byId = sqlite.prepare('SELECT id, name, color FROM tags WHERE id = ?');
  const byName = sqlite.prepare('SELECT id, name, color FROM tags WHERE name = ? COLLATE NOCASE');

  const get = (id: number): Tag => {
    const tag = byId.get(id) as Tag | undefined;
    if (!tag) throw new AppError('not_found', `Tag ${id} does not exist; reload the tags list.`);
    return tag;
  };
  const changed = () => events.emit('journal:changed', { reason: 'tags-changed' });

  return {
    create(input: TagCreateInput): Tag {
      if (byName.get(input.name)) throw new AppError('conflict', `A tag "${input.name}" already exists.`);
      const id = Number(sqlite.prepare('INSERT INTO tags (name, color) VALUES (?, ?)').run(input.name, input.color).lastInsertRowid);
      changed();
      return get(id);
    },
    update(id: number, patch: TagPatch): Tag {
      const tag = sqlite.transaction(() => {
        get(id);
        if (patch.name !== undefined) {
          const other = byName.get(patch.name) as Tag | undefined;
          if (other && other.id !== id) {
            throw new AppError(
              'conflict',
              `A tag "${other.name}" already exists. Merge this tag into it instead of renaming.`,
              { existingTagId: other.id },
            );
          }
          sqlite.prepare('UPDATE tags SET name = ? WHERE id = ?').run(patch.name, id);
        }
        if (patch.color !== undefined) sqlite.prepare('UPDATE tags SET color = ? WHERE id = ?').run(patch.color, id);
        return get(id);
      }).immediate();
      changed();
      return tag;
    },
    /** Every trade tagged with a source tag gets the target tag; the source tags are deleted. */
    merge(sourceIds: number[], targetId: number): { tag: Tag; tradesRetagged: number } {
      const result = sqlite.transaction(() => withAnalyticsDeferred(sqlite, () => {
        const target = get(targetId);
        for (const id of sourceIds) get(id);
        const placeholders = sourceIds.map(() => '?').join(', ');
        const moved = sqlite
          .prepare(
            `INSERT OR IGNORE INTO trade_tags (trade_id, tag_id)
             SELECT DISTINCT trade_id, ? FROM trade_tags WHERE tag_id IN (${placeholders})`,
          )
          .run(targetId, ...sourceIds).changes;
        sqlite.prepare(`DELETE FROM tags WHERE id IN (${placeholders})`).run(...sourceIds);
        return { tag: target, tradesRetagged: moved };
      })).immediate();
      changed();
      return result;
    },
    delete(id: number): { tradesUntagged: number } {
      const result = sqlite.transaction(() => withAnalyticsDeferred(sqlite, () => {
        get(id);
        const untagged = (sqlite.prepare('SELECT COUNT(*) AS n FROM trade_tags WHERE tag_id = ?').get(id) as { n: number }).n;
        sqlite.prepare('DELETE FROM tags WHERE id = ?').run(id);
        return { tradesUntagged: untagged };
      })).immediate();
      changed();
      return result;
    },
  };
}

export type Tags = ReturnType<typeof createTags>;
