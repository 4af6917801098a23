#!/usr/bin/env node
// tsc compiles only .ts: copy the data files that code loads at run time (the NER model) into dist/.
import { cpSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ASSET = /\.(json\.gz|bin)$/;
const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : ASSET.test(name) ? [path] : [];
  });
let copied = 0;
for (const file of walk(join(root, 'src'))) {
  const target = join(root, 'dist', relative(join(root, 'src'), file));
  mkdirSync(dirname(target), { recursive: true });
  cpSync(file, target);
  copied++;
}
console.log(`copied ${copied} asset file(s) into dist/`);
