import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { loadEnricher } from '../../src/pipeline/enricher.js';
import { ingestPaths } from '../../src/pipeline/ingest.js';
import { reprocessArticles } from '../../src/pipeline/reprocess.js';
import { startStagePool } from '../../src/pipeline/stage-pool.js';
import { openStore } from '../../src/store/open-store.js';
import { sharedPath, skipUnlessShared } from '../shared-data.js';
import { snapshot } from '../store-snapshot.js';
import { tempDir } from './cli-harness.js';

// 150 BBC entertainment articles (it holds exact copies) with enrichment, in batches of 25.
const CORPUS = ['corpora', 'bbc-fulltext', 'bbc', 'entertainment'] as const;
const dir = tempDir('sitrep-threads-');
after(() => dir.remove());

test(
  'ingest and reprocess with a pool of 2 threads store what one thread stores',
  { skip: skipUnlessShared(...CORPUS), timeout: 300_000 },
  async () => {
    const corpus = sharedPath(...CORPUS)!;
    const paths = readdirSync(corpus)
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .slice(0, 150)
      .map((name) => join(corpus, name));
    const enricher = await loadEnricher();
    const run = async (name: string, threads: number) => {
      const file = join(dir.path, `${name}.db`);
      const store = await openStore(file);
      const stages = threads > 1 ? startStagePool({ threads, enrich: true }) : undefined;
      try {
        const summary = await ingestPaths(paths, store, {
          batchSize: 25,
          enricher,
          ...(stages ? { stages } : {}),
        });
        return { summary, file };
      } finally {
        await stages?.close();
        await store.close();
      }
    };
    const one = await run('one', 1);
    const pooled = await run('pooled', 2);
    assert.deepEqual(pooled.summary, one.summary);
    assert.ok(one.summary.enriched > 100, JSON.stringify(one.summary));
    const expected = snapshot(one.file);
    const actual = snapshot(pooled.file);
    for (const key of Object.keys(expected) as (keyof typeof expected)[])
      assert.equal(actual[key], expected[key], `${key} differ`);

    // reprocess --all on the same pool: same derived fields and enrichments as on one thread.
    const reprocess = async (file: string, threads: number) => {
      const store = await openStore(file);
      const stages = threads > 1 ? startStagePool({ threads, enrich: true }) : undefined;
      try {
        return await reprocessArticles(store, {
          all: true,
          enricher,
          chunkSize: 40,
          ...(stages ? { stages } : {}),
        });
      } finally {
        await stages?.close();
        await store.close();
      }
    };
    const reprocessedOne = await reprocess(one.file, 1);
    const reprocessedPooled = await reprocess(pooled.file, 2);
    assert.deepEqual(reprocessedPooled, reprocessedOne);
    assert.equal(reprocessedOne.rederived, reprocessedOne.examined);
    assert.equal(reprocessedOne.failed, 0);
    const derived = (file: string) => {
      const db = new Database(file, { readonly: true });
      try {
        return JSON.stringify(
          db.prepare('SELECT id, title, text, content_hash FROM articles ORDER BY seq').all(),
        );
      } finally {
        db.close();
      }
    };
    assert.equal(derived(pooled.file), derived(one.file));
    assert.equal(snapshot(pooled.file).enrichments, snapshot(one.file).enrichments);
  },
);
