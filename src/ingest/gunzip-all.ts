import { constants, gunzipSync } from 'node:zlib';
import type { Result } from '../core/result.js';
import { err, ok } from '../core/result.js';

/**
 * Decompress a gzip file, including multi-member files (one member per WARC record), which
 * node:zlib reads as one stream. A truncated file yields what was readable rather than nothing.
 */
export const gunzipAll = (bytes: Uint8Array): Result<Buffer, string> => {
  try {
    return ok(gunzipSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH }));
  } catch (error) {
    return err(`corrupt gzip data (${(error as Error).message})`);
  }
};
