import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runCommand } from '../../test/server/command-runner.js';
import { register } from './clean-command.js';

describe('sitrep clean', () => {
  test('repairs dumps, prints removals, exit 0 when all files are readable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-clean-'));
    const file = join(dir, 'a.txt');
    writeFileSync(
      file,
      'Drills begin\nDrills begin\nThe navy began drills in the Baltic Sea on Monday , officials said.\n.\nLeave a comment\n',
    );
    const { code, stdout } = await runCommand(register, ['clean', file, '--json']).done;
    const line = JSON.parse(stdout.trim()) as {
      title: string;
      paragraphs: string[];
      removed: { reason: string }[];
    };
    assert.equal(line.title, 'Drills begin');
    assert.deepEqual(line.paragraphs, [
      'The navy began drills in the Baltic Sea on Monday, officials said.',
    ]);
    assert.deepEqual(
      line.removed.map((r) => r.reason),
      ['repeated-title', 'lone-punctuation', 'boilerplate'],
    );
    assert.equal(code, 0);
  });

  test('--learn-boilerplate drops a footer shared by the given dumps', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-clean-'));
    const bodies = [
      'Kyiv said the strikes hit power plants.',
      'Riga opened a new base.',
      'Oslo raised its budget.',
    ];
    const files = bodies.map((b, i) => {
      const f = join(dir, `${i}.txt`);
      writeFileSync(
        f,
        `Headline ${b.split(' ')[0]}\n${b}\nThe Brakor Dispatch: beacons of policy, every morning.\n`,
      );
      return f;
    });
    const { stdout } = await runCommand(register, [
      'clean',
      ...files,
      '--json',
      '--learn-boilerplate',
    ]).done;
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { paragraphs: string[] });
    assert.deepEqual(
      lines.map((l) => l.paragraphs),
      bodies.map((b) => [b]),
    );
  });
});
