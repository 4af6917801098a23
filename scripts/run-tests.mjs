#!/usr/bin/env node
// Runs every *.test.ts under src/, test/ and bench/ with Node's own test runner (tsx compiles on the fly).
// Node 20's --test does not expand globs, so we find the files here.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = ['src', 'test', 'bench'];
const filter = process.argv.slice(2);
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.test.ts')) files.push(path);
  }
};
for (const root of roots) {
  try {
    walk(root);
  } catch {
    // a missing root is fine
  }
}
const selected = filter.length ? files.filter((f) => filter.some((x) => f.includes(x))) : files;
if (selected.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', ...selected.sort()],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
