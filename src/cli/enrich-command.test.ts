import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, test } from 'node:test';
import { Command } from 'commander';
import { openStore } from '../store/open-store.js';
import type { CliContext } from './cli-context.js';
import { register } from './enrich-command.js';

const run = async (args: string[], stdinLines: string[] = []) => {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  let code = 0;
  const ctx: CliContext = {
    env: {},
    stdin: Readable.from(stdinLines.map((l) => `${l}\n`)),
    stdout,
    stderr,
    interactive: false,
    openStore,
    setExitCode: (v) => {
      code = v;
    },
  };
  const program = new Command('sitrep').exitOverride();
  register(program, ctx);
  await program.parseAsync(args, { from: 'user' });
  return { code, out, err };
};

describe('sitrep enrich', () => {
  test('--json prints one line per file with offsets into the cleaned text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-enrich-'));
    const file = join(dir, 'a.txt');
    writeFileSync(
      file,
      'Berlin sends troops\n\n“We are ready,” German Chancellor Olaf Scholz said on Monday. Germany will send 4,000 troops to Lithuania.\n',
    );
    const { code, out } = await run(['enrich', file, '--json']);
    assert.equal(code, 0);
    const line = JSON.parse(out.trim()) as {
      file: string;
      title: string;
      text: string;
      entities: { text: string; start: number; end: number; type: string }[];
      figures: { text: string; value: number }[];
      quotes: { text: string; speaker: string }[];
    };
    assert.equal(line.file, file);
    assert.equal(line.title, 'Berlin sends troops');
    for (const e of line.entities) assert.equal(line.text.slice(e.start, e.end), e.text);
    assert.ok(line.entities.some((e) => e.text === 'Lithuania'));
    assert.deepEqual(
      line.figures.map((f) => [f.text, f.value]),
      [['4,000 troops', 4000]],
    );
    assert.equal(line.quotes[0]?.text, 'We are ready,');
    assert.equal(line.quotes[0]?.speaker, 'Olaf Scholz');
  });

  test('--jsonl reads stdin, reports bad lines by number, goes on and exits 3', async () => {
    const { code, out, err } = await run(
      ['enrich', '--jsonl'],
      [
        JSON.stringify({
          id: 'a1',
          text: 'NATO will deploy 300,000 troops.',
          published: '2022-06-28',
        }),
        '{not json',
        JSON.stringify({ id: 'a3' }),
        JSON.stringify({
          id: 'a4',
          text: 'Poland ordered K2 tanks last year.',
          published: '2023-05-01',
        }),
      ],
    );
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; dates: { value: string }[] });
    assert.deepEqual(
      lines.map((l) => l.id),
      ['a1', 'a4'],
    );
    assert.equal(lines[1]?.dates[0]?.value, '2022-01-01/2022-12-31');
    const problems = err.trim().split('\n');
    assert.equal(problems.length, 2);
    assert.match(problems[0] ?? '', /stdin line 2:/);
    assert.match(problems[1] ?? '', /stdin line 3: text/);
    assert.equal(code, 3);
  });
});
