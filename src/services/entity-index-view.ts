import type { ArticleStore, EntitySummary } from '../store/port.js';

/**
 * The entity index: the most-mentioned entities (of a type, or whose name starts with a prefix),
 * read from the per-entity aggregates the store keeps at write time, so no request waits for a
 * scan of the mention table.
 */
export const entityIndex = (
  store: ArticleStore,
  options: { type?: string; prefix?: string; limit: number },
): Promise<EntitySummary[]> =>
  store.listEntities({
    limit: options.limit,
    ...(options.type ? { type: options.type } : {}),
    ...(options.prefix ? { namePrefix: options.prefix } : {}),
  });
