import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../../core/errors.js';
import {
  checksumSqlite,
  sameStoreChecksum,
  type StoreChecksum,
} from '../postgres/store-checksum.js';
import { assertSqliteFileOrNew } from './sqlite-file-check.js';

export interface BackupReport {
  readonly file: string;
  readonly bytes: number;
  readonly checksum: StoreChecksum;
}

const refuseExisting = (path: string, force: boolean): void => {
  if (!existsSync(path) || force) return;
  if (statSync(path).size === 0) return;
  throw new AppError('INVALID_ARGUMENT', `${path} already exists; pass --force to replace it`);
};

const integrityProblem = (db: Database.Database): string | undefined => {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  const problems = rows.map((row) => row.quick_check).filter((line) => line !== 'ok');
  return problems.length === 0 ? undefined : problems.slice(0, 3).join('; ');
};

/** Copies a live SQLite file page by page (SQLite's online backup API) into `to`, atomically. */
const copyOnline = async (from: string, to: string): Promise<void> => {
  const partial = `${to}.partial`;
  rmSync(partial, { force: true });
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(partial);
  } finally {
    source.close();
  }
  renameSync(partial, to);
};

/** The checksum `sitrep migrate` computes, over a store file opened read-only. */
export const checksumSqliteFile = (path: string): StoreChecksum => {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const problem = integrityProblem(db);
    if (problem !== undefined)
      throw new AppError('INPUT_UNREADABLE', `${path} is damaged: ${problem}`);
    return checksumSqlite(db);
  } finally {
    db.close();
  }
};

/**
 * `sitrep backup` for SQLite: a consistent snapshot of a store that may be serving and ingesting
 * (the backup API restarts its copy when a writer changes pages it already copied, and WAL
 * readers never block writers), checked with SQLite's quick_check and summed with the store checksum.
 */
export const backupSqlite = async (
  from: string,
  to: string,
  options: { force?: boolean } = {},
): Promise<BackupReport> => {
  if (!existsSync(from)) throw new AppError('INPUT_NOT_FOUND', `${from}: no such store`);
  assertSqliteFileOrNew(from);
  refuseExisting(to, options.force === true);
  await copyOnline(from, to);
  return { file: to, bytes: statSync(to).size, checksum: checksumSqliteFile(to) };
};

export interface RestoreReport {
  readonly store: string;
  readonly backupChecksum: StoreChecksum;
  readonly restoredChecksum: StoreChecksum;
  readonly verified: boolean;
}

/**
 * `sitrep restore` for SQLite: checks the backup, copies it into the target store file (refusing
 * to overwrite one that exists unless forced) and proves the copy by the checksum.
 */
export const restoreSqlite = async (
  backup: string,
  to: string,
  options: { force?: boolean } = {},
): Promise<RestoreReport> => {
  if (!existsSync(backup)) throw new AppError('INPUT_NOT_FOUND', `${backup}: no such backup`);
  assertSqliteFileOrNew(backup);
  refuseExisting(to, options.force === true);
  const backupChecksum = checksumSqliteFile(backup);
  for (const suffix of ['-wal', '-shm']) rmSync(`${to}${suffix}`, { force: true });
  await copyOnline(backup, to);
  const restoredChecksum = checksumSqliteFile(to);
  return {
    store: to,
    backupChecksum,
    restoredChecksum,
    verified: sameStoreChecksum(backupChecksum, restoredChecksum),
  };
};
