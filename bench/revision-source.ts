import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoPath } from '../test/shared-data.js';

/**
 * The sources of a git revision, unpacked once under node_modules/.cache so their imports resolve:
 * benches import a baseline stage from it and measure it beside the working tree's in the same run.
 */
export const revisionSourceDir = (rev: string): string => {
  const commit = execFileSync('git', ['rev-parse', '--short', rev], {
    cwd: repoPath(),
    encoding: 'utf8',
  }).trim();
  const dir = repoPath('node_modules', '.cache', 'sitrep-baseline', commit);
  if (!existsSync(join(dir, 'src'))) {
    mkdirSync(dir, { recursive: true });
    execSync(`git archive ${commit} src test/shared-data.ts bench | tar -x -C ${dir}`, {
      cwd: repoPath(),
    });
  }
  return dir;
};
