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

/**
 * The revision a bench compares against: `--baseline REV`, none with `--no-baseline`, else the
 * merge-base of HEAD with main (what a branch changed).
 */
export const baselineRevision = (argv: readonly string[] = process.argv): string | undefined => {
  if (argv.includes('--no-baseline')) return undefined;
  const i = argv.indexOf('--baseline');
  if (i >= 0 && argv[i + 1] !== undefined) return argv[i + 1];
  return execFileSync('git', ['merge-base', 'HEAD', 'main'], { cwd: repoPath(), encoding: 'utf8' })
    .trim()
    .slice(0, 12);
};
