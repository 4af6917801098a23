import { AppError } from '../core/errors.js';
import { isPostgresLocation } from '../store/open-store.js';
import type { JobQueue } from './port.js';
import { PostgresQueue, type PostgresQueueOptions } from './postgres/postgres-queue.js';

/**
 * The queue lives beside the articles in PostgreSQL; an SQLite file has no queue (one process
 * ingests it directly). Workers on other machines need only this URL.
 */
export const openQueue = async (
  location: string,
  options: Omit<PostgresQueueOptions, 'url'> = {},
): Promise<JobQueue> => {
  if (!isPostgresLocation(location)) {
    throw new AppError(
      'INVALID_ARGUMENT',
      `the job queue needs PostgreSQL: pass --db postgres://… or set SITREP_DB (got "${location}")`,
    );
  }
  return PostgresQueue.open({ ...options, url: location });
};
