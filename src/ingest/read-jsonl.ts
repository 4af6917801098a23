import { z } from 'zod';
import type { ReaderEvent } from '../core/raw-item.js';
import { decodeBytes } from './decode-bytes.js';
import { formatBytes, ingestLimits, LIMIT_ENV } from './ingest-limits.js';
import { jsonDepthExceeds } from './nesting-depth.js';
import { parseDate } from './parse-date.js';
import { compact, itemEvent, rejectedEvent } from './reader-events.js';

/**
 * JSON Lines / NDJSON: one article per line. The schema is the contract users write exports
 * against, so every bad line is rejected with its line number and what is wrong with it.
 */

const text = z.string().trim().min(1).optional();
const names = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

export const jsonlRecordSchema = z
  .object({
    id: z.union([z.string(), z.number()]).optional(),
    url: text,
    title: text,
    text,
    html: text,
    published: z.string().optional(),
    updated: z.string().optional(),
    source: text,
    language: text,
    authors: names,
    categories: names,
  })
  .refine((record) => record.text !== undefined || record.html !== undefined, {
    message: 'missing text and html (one of them is required)',
  });

export type JsonlRecord = z.infer<typeof jsonlRecordSchema>;

const describeJsonError = (error: unknown): string => {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  return position
    ? `invalid JSON at column ${Number(position[1]) + 1}`
    : `invalid JSON (${message})`;
};

const describeIssues = (error: z.ZodError): string =>
  error.issues
    .map((issue) =>
      issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');

/** A pretty-printed JSON document would otherwise fail line by line with dozens of confusing rejections. */
const isOneJsonDocument = (text: string, lines: readonly string[]): boolean => {
  const nonBlank = lines.filter((line) => line.trim() !== '');
  if (nonBlank.length < 2) return false;
  try {
    JSON.parse(nonBlank[0]!);
    return false;
  } catch {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  }
};

export const readJsonl = (path: string, bytes: Uint8Array): ReaderEvent[] => {
  const events: ReaderEvent[] = [];
  const text = decodeBytes(bytes).text;
  const lines = text.split('\n');
  if (isOneJsonDocument(text, lines)) {
    return [
      rejectedEvent(
        { path },
        'jsonl: one multi-line JSON document, not JSON Lines (one object per line)',
      ),
    ];
  }
  const limits = ingestLimits();
  let byteOffset = 0;
  lines.forEach((rawLine, index) => {
    const line = rawLine.replace(/\r$/, '');
    const offset = byteOffset;
    const lineBytes = Buffer.byteLength(rawLine, 'utf8');
    byteOffset += lineBytes + 1;
    // recordIndex is the 0-based line index; reasons name the 1-based line number people see in editors.
    const provenance = { path, recordIndex: index, byteOffset: offset };
    // Checked before parsing: an oversized line must not be copied into objects, then the store.
    if (lineBytes > limits.maxRecordBytes) {
      events.push(
        rejectedEvent(
          provenance,
          `jsonl line ${index + 1}: record is ${formatBytes(lineBytes)}, more than the ${formatBytes(limits.maxRecordBytes)} limit (${LIMIT_ENV.maxRecordBytes})`,
        ),
      );
      return;
    }
    if (line.trim() === '') return;
    if (jsonDepthExceeds(line, limits.maxNestingDepth)) {
      events.push(
        rejectedEvent(
          provenance,
          `jsonl line ${index + 1}: JSON nested more than ${limits.maxNestingDepth} levels deep (${LIMIT_ENV.maxNestingDepth})`,
        ),
      );
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      events.push(
        rejectedEvent(provenance, `jsonl line ${index + 1}: ${describeJsonError(error)}`),
      );
      return;
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      events.push(rejectedEvent(provenance, `jsonl line ${index + 1}: not a JSON object`));
      return;
    }
    const parsed = jsonlRecordSchema.safeParse(json);
    if (!parsed.success) {
      events.push(
        rejectedEvent(provenance, `jsonl line ${index + 1}: ${describeIssues(parsed.error)}`),
      );
      return;
    }
    const record = parsed.data;
    events.push(
      itemEvent(
        compact({
          format: 'jsonl' as const,
          provenance: compact({ ...provenance, url: record.url }),
          raw: line,
          body:
            record.html !== undefined
              ? { kind: 'html', html: record.html }
              : { kind: 'text', text: record.text ?? '' },
          externalId: record.id === undefined ? undefined : String(record.id),
          url: record.url,
          title: record.title,
          published: parseDate(record.published),
          updated: parseDate(record.updated),
          authors: record.authors,
          categories: record.categories,
          source: record.source,
          language: record.language,
        }),
      ),
    );
  });
  return events;
};
