import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AppError } from '../core/errors.js';
import { JOB_KINDS, type IngestFilePayload } from './job-kinds.js';
import type { JobQueue, NewJob } from './port.js';

export interface EnqueueIngestSummary {
  /** New jobs (and dead ones revived). */
  enqueued: number;
  /** Files whose unchanged version was already queued or done. */
  alreadyQueued: number;
  files: number;
}

async function* filesUnder(
  path: string,
): AsyncGenerator<{ path: string; mtimeMs: number; size: number }> {
  let info;
  try {
    info = await stat(path);
  } catch (cause) {
    throw new AppError('INPUT_NOT_FOUND', `${path}: no such file or directory`, { cause });
  }
  if (info.isDirectory()) {
    // Sorted, like the in-process ingest, so queue order follows the tree.
    const names = (await readdir(path)).sort();
    for (const name of names) yield* filesUnder(join(path, name));
  } else if (info.isFile()) {
    yield { path, mtimeMs: Math.trunc(info.mtimeMs), size: info.size };
  }
}

/**
 * `sitrep ingest --queue`: one `ingest-file` job per file under the given paths, instead of
 * ingesting here. The dedupe key (absolute path + mtime + size) makes a second run over an unchanged
 * tree enqueue nothing, while an edited file gets a new job. Paths are made absolute because
 * workers may run elsewhere; they must see the same files (a shared mount).
 */
export const enqueueIngest = async (
  paths: readonly string[],
  queue: JobQueue,
  options: { readonly batchSize?: number } = {},
): Promise<EnqueueIngestSummary> => {
  if (paths.includes('-')) {
    throw new AppError('INVALID_ARGUMENT', 'stdin ("-") cannot be queued: workers cannot read it');
  }
  const batchSize = options.batchSize ?? 500;
  const summary: EnqueueIngestSummary = { enqueued: 0, alreadyQueued: 0, files: 0 };
  let batch: NewJob[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    for (const result of await queue.enqueueMany(batch)) {
      if (result.enqueued) summary.enqueued++;
      else summary.alreadyQueued++;
    }
    batch = [];
  };
  for (const given of paths) {
    for await (const file of filesUnder(resolve(given))) {
      const payload: IngestFilePayload = { path: file.path };
      batch.push({
        kind: JOB_KINDS.ingestFile,
        payload: { ...payload },
        dedupeKey: `${file.path}:${file.mtimeMs}:${file.size}`,
      });
      summary.files++;
      if (batch.length >= batchSize) await flush();
    }
  }
  await flush();
  return summary;
};
