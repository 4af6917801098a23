import type { RawItem, ReaderEvent } from '../core/raw-item.js';
import { formatBytes, ingestLimits, LIMIT_ENV, type IngestLimits } from './ingest-limits.js';
import { htmlDepthExceeds } from './nesting-depth.js';
import { rejectedEvent } from './reader-events.js';

/** UTF-8 size of a string, computed only when its length alone cannot settle the comparison. */
const exceedsBytes = (text: string, limit: number): number | undefined => {
  if (text.length > limit) return text.length;
  if (text.length * 3 <= limit) return undefined;
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > limit ? bytes : undefined;
};

/** Why a record must not go further, or undefined when it is within every limit. */
export const recordLimitProblem = (
  item: RawItem,
  limits: IngestLimits = ingestLimits(),
): string | undefined => {
  const body = item.body.kind === 'html' ? item.body.html : item.body.text;
  const size =
    exceedsBytes(item.raw, limits.maxRecordBytes) ?? exceedsBytes(body, limits.maxRecordBytes);
  if (size !== undefined)
    return `record is ${formatBytes(size)}, more than the ${formatBytes(limits.maxRecordBytes)} limit (${LIMIT_ENV.maxRecordBytes})`;
  if (item.body.kind === 'html' && htmlDepthExceeds(item.body.html, limits.maxNestingDepth))
    return `HTML nested more than ${limits.maxNestingDepth} elements deep (${LIMIT_ENV.maxNestingDepth})`;
  return undefined;
};

/**
 * Every reader's items pass here before cleaning: a record over a limit becomes a rejection
 * naming its file, record and reason, and the other records of the file go on.
 */
export const guardEvent = (
  event: ReaderEvent,
  limits: IngestLimits = ingestLimits(),
): ReaderEvent => {
  if (event.kind !== 'item') return event;
  const problem = recordLimitProblem(event.item, limits);
  return problem === undefined ? event : rejectedEvent(event.item.provenance, problem);
};

export const guardEvents = (events: readonly ReaderEvent[]): ReaderEvent[] => {
  const limits = ingestLimits();
  return events.map((event) => guardEvent(event, limits));
};

/** The items of a feed past the limit, as one rejection instead of tens of thousands. */
export const capFeedItems = <T>(
  items: readonly T[],
  path: string,
  label: string,
  /** Items in the feed, when the reader did not build those past the cap (xml-tree.ts ItemCap). */
  total = items.length,
): { kept: readonly T[]; overflow: ReaderEvent[] } => {
  const { maxFeedItems } = ingestLimits();
  if (total <= maxFeedItems) return { kept: items, overflow: [] };
  return {
    kept: items.slice(0, maxFeedItems),
    overflow: [
      rejectedEvent(
        { path, recordIndex: maxFeedItems },
        `${label}: feed has ${total} items; items after the first ${maxFeedItems} are not read (${LIMIT_ENV.maxFeedItems})`,
      ),
    ],
  };
};
