/**
 * Archive-wide aggregates (counts by source, the most-mentioned entities) cost a full scan of the
 * mention table on a large archive (about 1 s at 100k articles) and change slowly. Pages read them
 * through this cache: a value younger than `maxAgeMs` (5 minutes) is served as is; an older one is still served
 * while one refresh runs in the background (stale-while-revalidate), so only the very first read
 * after start waits. Keys are per store (a WeakMap), so tests with fresh stores never share values.
 */
export const AGGREGATE_MAX_AGE_MS = 5 * 60_000;

interface Entry {
  value: unknown;
  at: number;
  refreshing?: Promise<unknown>;
}

const caches = new WeakMap<object, Map<string, Entry>>();

export const cachedAggregate = async <T>(
  owner: object,
  key: string,
  read: () => Promise<T>,
  options: { maxAgeMs?: number; now?: () => number } = {},
): Promise<T> => {
  const now = options.now ?? Date.now;
  const maxAge = options.maxAgeMs ?? AGGREGATE_MAX_AGE_MS;
  let cache = caches.get(owner);
  if (!cache) caches.set(owner, (cache = new Map()));
  const entry = cache.get(key);
  if (!entry) {
    const value = await read();
    cache.set(key, { value, at: now() });
    return value;
  }
  if (now() - entry.at > maxAge && !entry.refreshing) {
    entry.refreshing = read()
      .then((value) => {
        entry.value = value;
        entry.at = now();
      })
      .catch(() => undefined)
      .finally(() => {
        entry.refreshing = undefined;
      });
  }
  return entry.value as T;
};
