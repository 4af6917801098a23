import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Result } from '../core/result.js';
import { err, ok } from '../core/result.js';
import { parseUserRecords, type UserRecords } from './user-records.js';

/**
 * A user's kb folder holds their additions as .json / .jsonl files. The store is never involved:
 * the folder is plain files a user can edit, review and version themselves.
 */

const KB_FILE_RE = /\.(json|jsonl)$/i;

export interface UserFolderRead extends UserRecords {
  /** Files that failed validation are skipped whole and reported here. */
  readonly problems: string[];
  readonly files: string[];
}

export const readUserKbDirs = (dirs: readonly string[]): UserFolderRead => {
  const out: UserFolderRead = { entities: [], offices: [], problems: [], files: [] };
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)
      .filter((n) => KB_FILE_RE.test(n))
      .sort()) {
      const path = join(dir, name);
      const parsed = parseUserRecords(readFileSync(path, 'utf8'), path);
      if (!parsed.ok) {
        out.problems.push(...parsed.error);
        continue;
      }
      out.files.push(path);
      out.entities.push(...parsed.value.entities);
      out.offices.push(...parsed.value.offices);
    }
  }
  return out;
};

export interface AddedFile {
  readonly path: string;
  readonly entities: number;
  readonly offices: number;
}

/** Validates `sourcePath` and saves it (as JSON) into `dir`; nothing is written when a record is bad. */
export const addUserKbFile = (sourcePath: string, dir: string): Result<AddedFile, string[]> => {
  if (!existsSync(sourcePath)) return err([`${sourcePath}: file not found`]);
  const parsed = parseUserRecords(readFileSync(sourcePath, 'utf8'), sourcePath);
  if (!parsed.ok) return parsed;
  mkdirSync(dir, { recursive: true });
  const target = join(dir, `${basename(sourcePath, extname(sourcePath))}.json`);
  const body = {
    entities: parsed.value.entities.map(({ user: _user, ...e }) => e),
    offices: parsed.value.offices,
  };
  writeFileSync(target, `${JSON.stringify(body, null, 2)}\n`);
  return ok({
    path: target,
    entities: parsed.value.entities.length,
    offices: parsed.value.offices.length,
  });
};
