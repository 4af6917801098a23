import type { ReaderEvent } from '../core/raw-item.js';
import { guardEvents } from '../ingest/guard-record.js';
import { ingestLimits } from '../ingest/ingest-limits.js';
import { jsonDepthExceeds } from '../ingest/nesting-depth.js';
import { readJsonl } from '../ingest/read-jsonl.js';
import { HttpError } from './http-error.js';

/**
 * `POST /api/ingest` accepts JSON Lines (one record per line), a JSON array of records, or
 * `{"items":[...]}`. Arrays are turned into JSON Lines so every record goes through exactly the
 * reader and pipeline the CLI uses; record indexes are then the array indexes.
 */
export interface IngestBody {
  readonly events: ReaderEvent[];
  readonly shape: 'jsonl' | 'array';
  readonly records: number;
}

const asArray = (json: unknown): unknown[] | undefined => {
  if (Array.isArray(json)) return json;
  if (typeof json === 'object' && json !== null && 'items' in json) {
    const items = (json as { items: unknown }).items;
    if (Array.isArray(items)) return items;
    throw new HttpError(
      400,
      'INVALID_ARGUMENT',
      'invalid body: "items" must be an array of records',
    );
  }
  // One record as a (possibly pretty-printed) JSON object.
  if (typeof json === 'object' && json !== null) return [json];
  return undefined;
};

export const parseIngestBody = (body: string, provenancePath: string): IngestBody => {
  const trimmed = body.trim();
  if (trimmed === '') throw new HttpError(400, 'INVALID_ARGUMENT', 'invalid body: it is empty');
  const { maxNestingDepth } = ingestLimits();
  // Checked before parsing: re-serialising a 100,000-deep value would overflow the stack.
  if (jsonDepthExceeds(trimmed, maxNestingDepth))
    throw new HttpError(
      400,
      'INVALID_ARGUMENT',
      `invalid body: JSON nested more than ${maxNestingDepth} levels deep`,
    );
  let array: unknown[] | undefined;
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    try {
      array = asArray(JSON.parse(trimmed));
    } catch (error) {
      if (error instanceof HttpError) throw error;
      // Not one JSON value: JSON Lines (several objects, one a line) is read below.
    }
  }
  const shape = array ? 'array' : 'jsonl';
  const jsonl = array ? array.map((record) => JSON.stringify(record) ?? 'null').join('\n') : body;
  const events = guardEvents(readJsonl(provenancePath, Buffer.from(jsonl, 'utf8')));
  const records = events.filter((e) => e.kind === 'item' || e.kind === 'rejected').length;
  if (records === 0) throw new HttpError(400, 'INVALID_ARGUMENT', 'invalid body: no records in it');
  return { events, shape, records };
};

/** Reasons from the JSONL reader name a line; for an array the record index says it better. */
export const reasonForShape = (reason: string, shape: IngestBody['shape']): string =>
  shape === 'array' ? reason.replace(/^jsonl line \d+: /, '') : reason;
