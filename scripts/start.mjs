#!/usr/bin/env node
// `npm start`: ingest the bundled fictional sample corpus into ./sitrep.db (idempotent), then serve
// the API and web UI on http://127.0.0.1:8750/ until Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/sitrep.js', import.meta.url));
const sample = fileURLToPath(new URL('../examples/sample', import.meta.url));
const passthrough = process.argv.slice(2);

console.log(`$ sitrep ingest ${sample}`);
const ingest = spawnSync(process.execPath, [bin, 'ingest', sample], { stdio: 'inherit' });
if (ingest.status !== 0 && ingest.status !== 3) process.exit(ingest.status ?? 1);
spawnSync(process.execPath, [bin, 'stats'], { stdio: 'inherit' });

const server = spawn(process.execPath, [bin, 'serve', ...passthrough], { stdio: 'inherit' });
// Ctrl-C reaches the server directly (same process group); forwarding it would be a second, hard stop.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => server.kill('SIGTERM'));
server.on('exit', (code) => process.exit(code ?? 0));
