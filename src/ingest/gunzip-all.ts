import { constants, gunzipSync } from 'node:zlib';
import type { Result } from '../core/result.js';
import { err, ok } from '../core/result.js';
import { formatBytes, ingestLimits, LIMIT_ENV, type IngestLimits } from './ingest-limits.js';

/** The most a gzip of `compressedBytes` may inflate to under the size and ratio limits. */
export const inflateBudget = (compressedBytes: number, limits: IngestLimits): number =>
  Math.min(
    limits.maxDecompressedBytes,
    Math.max(limits.ratioGraceBytes, compressedBytes * limits.maxInflateRatio),
  );

/** The reason a gzip that inflated past its budget is refused. */
export const inflateLimitReason = (compressedBytes: number, limits: IngestLimits): string => {
  const budget = inflateBudget(compressedBytes, limits);
  return budget === limits.maxDecompressedBytes
    ? `gzip: decompresses to more than ${formatBytes(budget)} (${LIMIT_ENV.maxDecompressedBytes})`
    : `gzip: decompresses to more than ${limits.maxInflateRatio} times its ${formatBytes(compressedBytes)} (a zip bomb? ${LIMIT_ENV.maxInflateRatio})`;
};

/**
 * Decompress a gzip file, including multi-member files (one member per WARC record), which
 * node:zlib reads as one stream. A truncated file yields what was readable rather than nothing.
 * zlib stops as soon as the output passes the budget, so a bomb never inflates in memory.
 */
export const gunzipAll = (
  bytes: Uint8Array,
  limits: IngestLimits = ingestLimits(),
): Result<Buffer, string> => {
  try {
    return ok(
      gunzipSync(bytes, {
        finishFlush: constants.Z_SYNC_FLUSH,
        maxOutputLength: inflateBudget(bytes.byteLength, limits),
      }),
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      return err(inflateLimitReason(bytes.byteLength, limits));
    return err(`corrupt gzip data (${(error as Error).message})`);
  }
};
