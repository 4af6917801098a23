import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { AppError } from '../../core/errors.js';

const SQLITE_HEADER = 'SQLite format 3\u0000';

/**
 * Refuses a path that exists but is not an SQLite database (a binary file, a text file, a
 * directory) before SQLite reports "file is not a database" from deep inside a command. A
 * missing or empty file is fine: it becomes a new store.
 */
export const assertSqliteFileOrNew = (path: string): void => {
  if (path === ':memory:' || path === '') return;
  let size: number;
  try {
    const info = statSync(path);
    if (info.isDirectory())
      throw new AppError('INVALID_ARGUMENT', `--db ${path} is a directory, not a sitrep database`);
    size = info.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    return;
  }
  if (size === 0) return;
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const handle = openSync(path, 'r');
  try {
    readSync(handle, head, 0, head.length, 0);
  } finally {
    closeSync(handle);
  }
  if (head.toString('latin1') !== SQLITE_HEADER)
    throw new AppError(
      'INVALID_ARGUMENT',
      `--db ${path} is not a sitrep database (not an SQLite file); give a store file or a postgres:// URL`,
    );
};
