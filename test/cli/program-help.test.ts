import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runSitrep } from './cli-harness.js';

test('sitrep --help lists the commands and, as the search line promises, the query language below', async () => {
  const help = await runSitrep(['--help']);
  assert.equal(help.code, 0);
  for (const command of ['ingest', 'search', 'serve', 'entity', 'story'])
    assert.match(help.stdout, new RegExp(`\\n  ${command} `));
  assert.match(help.stdout, /\(see below\)/);
  const below = help.stdout.slice(help.stdout.indexOf('(see below)'));
  assert.match(below, /Query language[^\n]*\n[^\n]*"air defence"[^\n]*\n[^\n]*after:2025-01/);
});
