#!/usr/bin/env node
// Bundles the web UI's browser code (typed TypeScript in src/server/ui/client/) and its styles with
// esbuild into dist/ui/, which the server serves as /ui/*. Runs in `npm run build` (so `npm install`).
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ui = join(root, 'src', 'server', 'ui');
const out = join(root, 'dist', 'ui');

export const buildUi = async () => {
  mkdirSync(out, { recursive: true });
  const result = await build({
    entryPoints: {
      app: join(ui, 'client', 'app.ts'),
      graph: join(ui, 'client', 'graph.ts'),
      style: join(ui, 'styles', 'app.css'),
    },
    outdir: out,
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
    entryNames: '[name]',
  });
  copyFileSync(join(ui, 'styles', 'favicon.svg'), join(out, 'favicon.svg'));
  return Object.keys(result.metafile.outputs).length;
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = await buildUi();
  console.log(`bundled the web UI into dist/ui/ (${files} files)`);
}
