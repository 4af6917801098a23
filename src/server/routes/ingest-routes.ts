import type { Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ingestEvents } from '../../pipeline/ingest.js';
import type { ArticleStore } from '../../store/port.js';
import { HttpError } from '../http-error.js';
import { parseIngestBody, reasonForShape } from '../ingest-body.js';

export const MAX_INGEST_BYTES = 16 * 1024 * 1024;

const ACCEPTED_TYPES = [
  'application/json',
  'application/x-ndjson',
  'application/jsonl',
  'application/x-jsonlines',
  'text/plain',
];

/**
 * Status: 200 when every record was stored (added, unchanged or revised); 207 when some were
 * rejected and others stored; 422 when every record was rejected. The body is the same in all
 * three cases, so a client can always read the counts and the per-record errors.
 */
export const ingestStatus = (stored: number, rejected: number): 200 | 207 | 422 => {
  if (rejected === 0) return 200;
  return stored > 0 ? 207 : 422;
};

export const addIngestRoutes = (
  app: Hono,
  write: MiddlewareHandler,
  store: ArticleStore,
  now: () => Date,
): void => {
  app.post(
    '/api/ingest',
    write,
    bodyLimit({
      maxSize: MAX_INGEST_BYTES,
      onError: () => {
        throw new HttpError(
          413,
          'PAYLOAD_TOO_LARGE',
          `the body is larger than ${MAX_INGEST_BYTES} bytes`,
        );
      },
    }),
    async (c) => {
      const type =
        (c.req.header('content-type') ?? 'text/plain').split(';')[0]?.trim().toLowerCase() ?? '';
      if (!ACCEPTED_TYPES.includes(type)) {
        throw new HttpError(
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          `send JSON or JSON Lines (${ACCEPTED_TYPES.join(', ')}), not ${type}`,
        );
      }
      const body = parseIngestBody(await c.req.text(), `api:ingest:${now().toISOString()}`);
      const errors: { record: number | null; reason: string }[] = [];
      const summary = await ingestEvents(
        (async function* () {
          yield* body.events;
        })(),
        store,
        {
          onRejected: (rejection) =>
            errors.push({
              record: rejection.provenance.recordIndex ?? null,
              reason: reasonForShape(rejection.reason, body.shape),
            }),
        },
      );
      const stored = summary.added + summary.unchanged + summary.revised;
      return c.json(
        {
          added: summary.added,
          unchanged: summary.unchanged,
          revised: summary.revised,
          rejected: summary.rejected,
          errors,
        },
        ingestStatus(stored, summary.rejected),
      );
    },
  );
};
