import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { ReaderEvent } from '../core/raw-item.js';
import { openStore } from '../store/open-store.js';
import { ingestEvents } from './ingest.js';

const TEXTS = [
  'Poland signed a contract for 48 HIMARS launchers on Friday, the defence ministry said.',
  'The central bank held interest rates steady on Thursday, citing inflation above its target.',
  'Norway ordered four more submarines from a German shipyard, the navy announced on Monday.',
  'Poland signed a further contract for HIMARS launchers and ammunition, the ministry said.',
  'Heavy rain flooded the old town overnight and the river rose above its banks.',
];

const items = async function* (): AsyncGenerator<ReaderEvent> {
  for (const [index, text] of TEXTS.entries())
    yield {
      kind: 'item',
      item: {
        format: 'text',
        provenance: { path: 'organised.txt', recordIndex: index },
        raw: text,
        body: { kind: 'text', text },
        authors: [],
        categories: [],
      },
    };
};

const dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest-organised-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('onOrganised is called once, after the last batch is organised and before the run ends', async () => {
  const store = await openStore(join(dir, 'organised.db'));
  try {
    const calls: number[] = [];
    let storyless = -1;
    let saved = 0;
    const summary = await ingestEvents(items(), store, {
      batchSize: 2,
      onOrganised: async () => {
        calls.push(Date.now());
        // Every article of the run is in a story by now: later jobs may organise after it.
        const ids = (await store.listArticles({ limit: 100 })).items.map((a) => a.id);
        saved = ids.length;
        storyless = 0;
        for (const id of ids) if (!(await store.stories!.getMembership(id))) storyless++;
      },
    });
    assert.equal(summary.added, TEXTS.length);
    assert.equal(calls.length, 1);
    assert.equal(saved, TEXTS.length, 'called after the last batch');
    assert.equal(storyless, 0, 'called after its organising');
  } finally {
    await store.close();
  }
});
