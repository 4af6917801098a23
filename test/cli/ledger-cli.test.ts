import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import graphology from 'graphology';
import gexf from 'graphology-gexf';
import { sharedPath, skipUnlessShared } from '../shared-data.js';
import { runSitrep, tempDir } from './cli-harness.js';

const skip = skipUnlessShared('seeds');
const dir = tempDir('sitrep-ledger-cli-');
const db = join(dir.path, 'seeds.db');
after(() => dir.remove());

before(async () => {
  if (skip) return;
  const ingest = await runSitrep(['ingest', sharedPath('seeds')!, '--db', db, '--json']);
  assert.equal(ingest.code, 0, ingest.stderr);
});

describe('ledger commands on the seeds', { skip }, () => {
  test("claims --conflicts --json prints the scorer's shape: a and b with article, offsets, text, value, unit", async () => {
    const run = await runSitrep(['claims', '--conflicts', '--json', '--db', db]);
    assert.equal(run.code, 0, run.stderr);
    const { conflicts } = run.json<{ conflicts: Record<string, unknown>[] }>();
    assert.equal(conflicts.length, 1);
    const conflict = conflicts[0] as {
      a: Record<string, unknown>;
      b: Record<string, unknown>;
      measure: string;
      reasons: string[];
    };
    for (const side of [conflict.a, conflict.b])
      for (const key of ['article', 'start', 'end', 'text', 'value', 'unit'])
        assert.ok(key in side, key);
    assert.equal(conflict.a['value'], 52);
    assert.equal(conflict.b['value'], 20);
    assert.ok(conflict.reasons.length > 0);
  });

  test('claims --format csv exports one row per claim', async () => {
    const run = await runSitrep(['claims', '--format', 'csv', '--db', db]);
    const lines = run.stdout.trim().split('\n');
    assert.match(lines[0]!, /^article,start,end,text,subject/);
    assert.ok(lines.length > 10);
  });

  test("graph --format gexf --output writes a file graphology-gexf reads with the JSON graph's counts", async () => {
    const file = join(dir.path, 'graph.gexf');
    const run = await runSitrep(['graph', '--format', 'gexf', '--output', file, '--db', db]);
    assert.equal(run.code, 0, run.stderr);
    const view = (await runSitrep(['graph', '--json', '--db', db])).json<{
      nodes: unknown[];
      edges: unknown[];
    }>();
    const parsed = gexf.parse(graphology.MultiDirectedGraph, readFileSync(file, 'utf8'));
    assert.equal(parsed.order, view.nodes.length);
    assert.equal(parsed.size, view.edges.length);
  });

  test('exposure Canada --supplier "United States" lists the F-35 with its sentence', async () => {
    const run = await runSitrep(['exposure', 'Canada', '--supplier', 'United States', '--db', db]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /F-35/);
    assert.match(run.stdout, /deliveries: F-35/);
  });

  test('ledger rebuild re-derives every article; status counts them', async () => {
    const rebuilt = await runSitrep(['ledger', 'rebuild', '--all', '--json', '--db', db]);
    assert.deepEqual(rebuilt.json(), { updated: 4, current: 0, unenriched: 0, failed: 0 });
    const status = (await runSitrep(['ledger', 'status', '--json', '--db', db])).json<{
      articles: number;
    }>();
    assert.equal(status.articles, 4);
  });
});
