import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { ArticleEnrichment } from '../core/enrichment.js';
import type { RawItem } from '../core/raw-item.js';
import { setIngestLimits } from '../ingest/ingest-limits.js';
import { openStore } from '../store/open-store.js';
import type { ArticleEnricher } from './enricher.js';
import { ingestEvents } from './ingest.js';
import type { Rejection } from '../core/raw-item.js';

const item = (n: number, text: string): RawItem => ({
  format: 'text',
  provenance: { path: 'api:ingest', recordIndex: n },
  raw: text,
  body: { kind: 'text', text },
  authors: [],
  categories: [],
});

/**
 * POST /api/ingest and live polling call ingestEvents without stages of their own (inline, on the
 * server's thread): the per-record time limit holds there too. A stand-in enricher never finishes
 * one record (the real slow record is in test/hostile/record-time-limit.test.ts).
 */
describe('per-record time limit where ingest runs inline (server, polling)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-harden-inline-limit-'));
  const restore = setIngestLimits({ maxRecordSeconds: 0.3 });
  after(() => {
    restore();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a record whose enrichment overruns is stored unenriched and reported; the others go on', async () => {
    const store = await openStore(join(dir, 'store.db'));
    const enricher: ArticleEnricher = {
      version: 'test',
      enrich: (input) => {
        // 30 s: without the limit the test fails on the reports below instead of hanging.
        const until = performance.now() + 30_000;
        if (input.text.includes('forever')) while (performance.now() < until);
        const empty: ArticleEnrichment = {
          version: 'test',
          entities: [],
          countries: [],
          figures: [],
          quotes: [],
          relations: [],
          document: {},
        };
        return empty;
      },
    };
    const rejections: Rejection[] = [];
    try {
      const started = performance.now();
      const summary = await ingestEvents(
        (async function* () {
          yield {
            kind: 'item',
            item: item(0, 'Poland signed a contract for 48 launchers.'),
          } as const;
          yield { kind: 'item', item: item(1, 'This record enriches forever, it seems.') } as const;
          yield { kind: 'item', item: item(2, 'Romania will buy two more batteries.') } as const;
        })(),
        store,
        { enricher, onRejected: (rejection) => rejections.push(rejection) },
      );
      assert.ok(performance.now() - started < 20_000);
      assert.equal(summary.added, 3);
      assert.equal(summary.enriched, 2);
      assert.equal(rejections.length, 1);
      assert.equal(rejections[0]?.provenance.recordIndex, 1);
      assert.match(
        rejections[0]?.reason ?? '',
        /enrichment took longer than the per-record limit of 0.3 s .*stored without enrichment/,
      );
    } finally {
      await store.close();
    }
  });
});
