import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadEnricher } from '../../src/pipeline/enricher.js';
import { ingestPaths } from '../../src/pipeline/ingest.js';
import { createApp } from '../../src/server/create-app.js';
import { entityContext, namePattern } from '../../src/services/entity-context.js';
import { kbProfile } from '../../src/services/kb-facts.js';
import { openStore } from '../../src/store/open-store.js';
import type { ArticleStore } from '../../src/store/port.js';
import { skipUnlessShared, sharedPath } from '../shared-data.js';

/**
 * Issue 17's bar on the real seed articles: the HIMARS page lists no quote that does not name
 * HIMARS (directly or through an alias), and "mentioned with" comes from shared sentences and
 * paragraphs, not from the whole article (where Starlink and the Panama Canal appear too).
 */
describe('entity page on the seeds', { skip: skipUnlessShared('seeds') }, () => {
  let dir: string;
  let store: ArticleStore;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-ui-seeds-'));
    store = await openStore(join(dir, 'seeds.db'));
    await ingestPaths([sharedPath('seeds') as string], store, { enricher: await loadEnricher({}) });
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('HIMARS: quotes name it, neighbours share its sentences or paragraphs', async () => {
    const id = 'weapon:himars';
    const kb = kbProfile(id);
    assert.ok(kb, 'HIMARS is in the shipped KB');
    const names = namePattern(['HIMARS', kb.name, ...kb.aliases]);
    assert.ok(names);
    const view = await entityContext(store, id, { limit: 50, aliases: [kb.name, ...kb.aliases] });
    assert.ok(view.articlesRead >= 1);
    for (const quote of [...view.quotesMentioning])
      assert.match(quote.text, names, `quote does not name HIMARS: ${quote.text}`);
    for (const quote of view.quotesBy) assert.equal(quote.speakerId, id);
    // The old list ("quotes in articles mentioning it") held quotes that never name HIMARS.
    const articleQuotes = await store.listQuotes({ entityId: id, limit: 200 });
    assert.ok(
      articleQuotes.items.some((q) => !names.test(q.text)),
      'the seed article quotes others about other things',
    );
    // The article-wide list (the old "mentioned with") holds entities never near HIMARS.
    const articleWide = await store.listCooccurringEntities(id, 200);
    const near = new Set([...view.withinSentence, ...view.withinParagraph].map((n) => n.id));
    assert.ok(view.withinSentence.length > 0, 'HIMARS shares sentences with other entities');
    assert.ok(
      articleWide.some((e) => !near.has(e.id)),
      'sentence/paragraph scope is narrower than the article',
    );
    for (const far of ['company:starlink', 'facility:panama-canal'])
      assert.ok(!near.has(far), `${far} is not near HIMARS`);
    // Each sentence neighbour really shares a sentence: its paragraph count is at least as large.
    for (const n of view.withinSentence) {
      const p = view.withinParagraph.find((x) => x.id === n.id);
      assert.ok(
        p && p.together >= n.together,
        `${n.name} in a shared sentence is in a shared paragraph`,
      );
    }
  });

  test('the rendered HIMARS page lists only those quotes and neighbours', async () => {
    const app = createApp({ store, auth: { readsOpen: true } });
    const response = await app.request('/entities/weapon%3Ahimars');
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /Same sentence/);
    assert.match(html, /Quotes that mention HIMARS/);
    assert.doesNotMatch(html, /Starlink|Panama Canal/);
  });
});
