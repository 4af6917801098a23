import { access } from 'node:fs/promises';

/** Explicit input paths that do not exist ("-" is stdin): a typo is a usage error, not a rejected record. */
export const missingInputPaths = async (paths: readonly string[]): Promise<string[]> => {
  const missing: string[] = [];
  for (const path of paths) {
    if (path === '-') continue;
    try {
      await access(path);
    } catch {
      missing.push(path);
    }
  }
  return missing;
};
