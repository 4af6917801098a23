import { access } from 'node:fs/promises';
import { z } from 'zod';
import type { Rejection } from '../../core/raw-item.js';
import type { ArticleEnricher } from '../../pipeline/enricher.js';
import { ingestPaths } from '../../pipeline/ingest.js';
import type { ArticleStore } from '../../store/port.js';
import { PermanentJobError, type JobHandler } from '../handler-registry.js';
import type { JsonValue } from '../port.js';

const IngestFilePayloadSchema = z.object({ path: z.string().min(1) });

/** Rejections kept on the job's result; the count is always complete. */
const MAX_REJECTIONS_KEPT = 20;

/**
 * `ingest-file`: runs the ordinary ingest pipeline on one file. Safe to run twice (a worker killed
 * after saving but before completing): the store answers "unchanged" for what is already there.
 */
export const ingestFileHandler =
  (store: ArticleStore, enricher?: ArticleEnricher): JobHandler =>
  async (job) => {
    const parsed = IngestFilePayloadSchema.safeParse(job.payload);
    if (!parsed.success)
      throw new PermanentJobError(`bad ingest-file payload: ${parsed.error.message}`);
    const { path } = parsed.data;
    try {
      await access(path);
    } catch (cause) {
      throw new PermanentJobError(`${path}: no such file or it cannot be read`, { cause });
    }
    const rejections: Rejection[] = [];
    const summary = await ingestPaths([path], store, {
      ...(enricher ? { enricher } : {}),
      onRejected: (rejection) => {
        if (rejections.length < MAX_REJECTIONS_KEPT) rejections.push(rejection);
      },
    });
    return {
      ...summary,
      rejections: rejections.map((r) => ({
        path: r.provenance.path,
        ...(r.provenance.recordIndex !== undefined
          ? { recordIndex: r.provenance.recordIndex }
          : {}),
        reason: r.reason,
      })),
    } as unknown as JsonValue;
  };
