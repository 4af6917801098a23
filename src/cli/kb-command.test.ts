import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runCommand } from '../../test/server/command-runner.js';
import { register } from './kb-command.js';

describe('sitrep kb', () => {
  test('add saves a valid file; lookup then finds the new entity', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-kb-cli-'));
    const file = join(dir, 'desk.jsonl');
    writeFileSync(
      file,
      '{"type":"WEAPON","name":"Palianytsia","aliases":["Palianytsia missile-drone"],"category":"missile drone","countries":["UA"]}\n',
    );
    const kbDir = join(dir, 'kb');
    const added = await runCommand(register, ['kb', 'add', file, '--dir', kbDir]).done;
    assert.equal(added.code, 0);
    assert.match(added.stdout, /saved 1 entities and 0 offices/);

    const looked = await runCommand(register, [
      'kb',
      'lookup',
      'Palianytsia missile-drone',
      '--dir',
      kbDir,
    ]).done;
    const body = JSON.parse(looked.stdout) as { entities: { id: string }[] };
    assert.deepEqual(
      body.entities.map((e) => e.id),
      ['user:weapon:palianytsia'],
    );
  });

  test('add refuses a file with bad records, one line per problem, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-kb-cli-'));
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, '{"type":"WEAPON"}\n{"type":"ORG","name":"A","alais":[]}\n');
    const { code, stderr } = await runCommand(register, [
      'kb',
      'add',
      file,
      '--dir',
      join(dir, 'kb'),
    ]).done;
    assert.equal(code, 2);
    assert.match(stderr, /bad\.jsonl:line 1: name/);
    assert.match(stderr, /bad\.jsonl:line 2: .*alais/);
    assert.match(stderr, /nothing saved \(2 problem\(s\)\)/);
  });

  test('lookup resolves an office title on a date', async () => {
    const { stdout } = await runCommand(register, [
      'kb',
      'lookup',
      'NATO Secretary General',
      '--date',
      '2022-06-29',
    ]).done;
    const body = JSON.parse(stdout) as { offices: { holder: string }[] };
    assert.equal(body.offices[0]?.holder, 'person:jens-stoltenberg');
  });
});
