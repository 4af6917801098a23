import type { Provenance, RawItem, ReaderEvent } from '../core/raw-item.js';

/** Small constructors so every reader phrases its events the same way. */
export const itemEvent = (item: RawItem): ReaderEvent => ({ kind: 'item', item });

export const rejectedEvent = (provenance: Provenance, reason: string): ReaderEvent => ({
  kind: 'rejected',
  rejection: { provenance, reason },
});

export const skippedEvent = (provenance: Provenance, reason: string): ReaderEvent => ({
  kind: 'skipped',
  skip: { provenance, reason },
});

/** Drops undefined fields so records compare cleanly and serialise without `undefined` holes. */
export const compact = <T extends object>(record: T): T =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
