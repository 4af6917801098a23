#!/usr/bin/env node
// `npm start`: ingest the bundled fictional sample corpus into ./sitrep.db, print stats and a first search.
// When the server lands it will also serve the UI.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/sitrep.js', import.meta.url));
const sample = fileURLToPath(new URL('../examples/sample', import.meta.url));
const run = (args) => {
  console.log(`\n$ sitrep ${args.join(' ')}`);
  const result = spawnSync(process.execPath, [bin, ...args], { stdio: 'inherit' });
  if (result.status !== 0 && result.status !== 3) process.exit(result.status ?? 1);
};

run(['ingest', sample]);
run(['stats']);
run(['search', 'HIMARS']);
console.log('\nNext: `npx sitrep list`, `npx sitrep show <id>`, `npx sitrep search <words>`.');
