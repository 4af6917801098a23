import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, test } from 'node:test';
import { runCommand } from '../../test/server/command-runner.js';
import { register } from './extract-command.js';

const page = (topic: string): string =>
  `<html lang="en"><head><title>${topic} - Example</title><meta property="og:site_name" content="Example">
  <meta name="author" content="Ann Lee"><meta property="article:published_time" content="2024-02-03T04:05:06Z"></head>
  <body><nav><a href="/">Home</a></nav><article><h1>${topic}</h1>${Array.from({ length: 4 }, (_, i) => `<p>Paragraph ${i} on ${topic}, with enough words, commas, and detail to count as article prose here.</p>`).join('')}</article></body></html>`;

describe('sitrep extract', () => {
  test('prints one JSON line per file in input order, gz too; a bad file is one stderr line and exit 3', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-extract-'));
    writeFileSync(join(dir, 'a.html'), page('Drones'));
    writeFileSync(join(dir, 'b.html.gz'), gzipSync(page('Tanks')));
    const missing = join(dir, 'missing.html');
    const { code, stdout, stderr } = await runCommand(register, [
      'extract',
      join(dir, 'a.html'),
      missing,
      join(dir, 'b.html.gz'),
      '--json',
    ]).done;
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(lines.length, 2);
    assert.equal(lines[0]?.['title'], 'Drones');
    assert.equal(lines[1]?.['title'], 'Tanks');
    assert.deepEqual(lines[0]?.['authors'], ['Ann Lee']);
    assert.equal(lines[0]?.['published'], '2024-02-03T04:05:06Z');
    assert.equal(lines[0]?.['site'], 'Example');
    assert.equal((lines[0]?.['paragraphs'] as unknown[]).length, 4);
    assert.deepEqual(Object.keys(lines[0] ?? {}), [
      'file',
      'title',
      'text',
      'paragraphs',
      'published',
      'authors',
      'site',
      'language',
      'removed',
    ]);
    assert.equal(stderr.trim().split('\n').length, 1);
    assert.match(stderr, /missing\.html: no such file/);
    assert.equal(code, 3);
  });
});
