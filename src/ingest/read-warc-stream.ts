import { Readable } from 'node:stream';
import { constants, createGunzip, gunzipSync } from 'node:zlib';
import type { ReaderEvent } from '../core/raw-item.js';
import { guardEvent } from './guard-record.js';
import { inflateBudget, inflateLimitReason } from './gunzip-all.js';
import { ingestLimits } from './ingest-limits.js';
import { archiveEventMapper } from './read-warc.js';
import { rejectedEvent } from './reader-events.js';
import { warcRecordsFromChunks } from './warc-framing.js';

/**
 * WARC files from news crawls run to gigabytes (a CC-NEWS file is ~1 GB compressed, several
 * decompressed), beyond what can be read whole into a Buffer. Those are framed record by record
 * from a stream; the result is the same events `readWarc` gives for a small file.
 */

export type StreamableArchive = 'warc' | 'warc-gzip';

/** Recognises a WARC (plain or gzip) from its first bytes, e.g. the first 64 KiB of the file. */
export const streamableArchive = (head: Uint8Array): StreamableArchive | undefined => {
  const startsWarc = (bytes: Uint8Array) =>
    Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 5)).toString(
      'latin1',
    ) === 'WARC/';
  if (startsWarc(head)) return 'warc';
  if (head[0] !== 0x1f || head[1] !== 0x8b) return undefined;
  try {
    // A cut-off gzip member still inflates up to the cut with a sync flush.
    return startsWarc(gunzipSync(head, { finishFlush: constants.Z_SYNC_FLUSH }))
      ? 'warc-gzip'
      : undefined;
  } catch {
    return undefined;
  }
};

/** Inflates a (multi-member) gzip stream; a corrupt or cut stream ends early and reports why. */
const inflateTolerantly = (
  chunks: AsyncIterable<Uint8Array>,
  problems: string[],
): AsyncIterable<Uint8Array> => ({
  async *[Symbol.asyncIterator]() {
    const limits = ingestLimits();
    let compressed = 0;
    let inflated = 0;
    const counted = async function* () {
      for await (const chunk of chunks) {
        compressed += chunk.byteLength;
        yield chunk;
      }
    };
    const input = Readable.from(counted());
    const gunzip = createGunzip({ finishFlush: constants.Z_SYNC_FLUSH });
    // pipe() does not forward a read error; without this the loop below would wait forever.
    input.on('error', (error) => gunzip.destroy(error));
    input.pipe(gunzip);
    try {
      for await (const chunk of gunzip) {
        inflated += (chunk as Buffer).byteLength;
        // Checked while inflating: a bomb stops at its budget, never after.
        if (inflated > inflateBudget(compressed, limits)) {
          problems.push(inflateLimitReason(compressed, limits).replace(/^gzip: /u, ''));
          input.destroy();
          gunzip.destroy();
          return;
        }
        yield chunk as Buffer;
      }
    } catch (error) {
      problems.push(`corrupt gzip data (${(error as Error).message})`);
    }
  },
});

export async function* readWarcStream(
  path: string,
  chunks: AsyncIterable<Uint8Array>,
  kind: StreamableArchive,
): AsyncGenerator<ReaderEvent> {
  const problems: string[] = [];
  const source = kind === 'warc-gzip' ? inflateTolerantly(chunks, problems) : chunks;
  const toReaderEvent = archiveEventMapper(path, 'warc');
  let any = false;
  for await (const event of warcRecordsFromChunks(source)) {
    any = true;
    yield guardEvent(toReaderEvent(event));
  }
  for (const problem of problems) yield rejectedEvent({ path }, `warc: ${problem}`);
  if (!any && problems.length === 0) yield rejectedEvent({ path }, 'warc: no records found');
}
