import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * ../shared beside the repo holds third-party corpora we must never copy in.
 * A user's clone has none: tests that need it call `sharedPath` and skip with this message.
 */
export const SHARED_DIR = process.env['SITREP_SHARED'] ?? join(repoRoot, '..', 'shared');

export const repoPath = (...parts: string[]): string => join(repoRoot, ...parts);

/** Absolute path inside ../shared, or undefined when absent. */
export const sharedPath = (...parts: string[]): string | undefined => {
  const path = join(SHARED_DIR, ...parts);
  return existsSync(path) ? path : undefined;
};

/** For `test(name, { skip: skipUnlessShared('corpora/x') }, ...)`: false when present, else a clear reason. */
export const skipUnlessShared = (...parts: string[]): false | string =>
  sharedPath(...parts)
    ? false
    : `../shared/${parts.join('/')} is absent (only CI and team machines have it)`;
