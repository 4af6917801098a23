import type { ArticleStore, EntitySummary } from '../store/port.js';
import { cachedAggregate } from './aggregate-cache.js';

/**
 * The entity index: the most-mentioned entities (of a type, or whose name starts with a prefix).
 * The unfiltered and per-type lists are archive-wide aggregates, read through the aggregate cache;
 * a name prefix is a narrow read and goes to the store each time.
 */
export const entityIndex = (
  store: ArticleStore,
  options: { type?: string; prefix?: string; limit: number },
): Promise<EntitySummary[]> => {
  const read = () =>
    store.listEntities({
      limit: options.limit,
      ...(options.type ? { type: options.type } : {}),
      ...(options.prefix ? { namePrefix: options.prefix } : {}),
    });
  return options.prefix
    ? read()
    : cachedAggregate(store, `entities:${options.type ?? ''}:${options.limit}`, read);
};
