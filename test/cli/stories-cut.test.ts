import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { loadEnricher, type ArticleEnricher } from '../../src/pipeline/enricher.js';
import { ingestPaths } from '../../src/pipeline/ingest.js';
import { openStore } from '../../src/store/open-store.js';
import type { ArticleStore } from '../../src/store/port.js';
import { sharedPath, skipUnlessShared } from '../shared-data.js';
import { tempDir } from './cli-harness.js';

// Stories must not depend on how an ingest was cut: one run, two runs, or a run that died between
// enriching a batch and organising it, then a re-run. 120 BBC business articles in 6 batches.
const CORPUS = ['corpora', 'bbc-fulltext', 'bbc', 'business'] as const;
const skip = skipUnlessShared(...CORPUS);
const dir = tempDir('sitrep-stories-cut-');
after(() => dir.remove());

const files = (): string[] => {
  const corpus = sharedPath(...CORPUS)!;
  return readdirSync(corpus)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .slice(0, 120)
    .map((name) => join(corpus, name));
};

let enricher: ArticleEnricher;
before(async () => {
  if (!skip) enricher = await loadEnricher();
});

const withStore = async <T>(name: string, work: (store: ArticleStore) => Promise<T>) => {
  const store = await openStore(join(dir.path, `${name}.db`));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
};

const ingest = (name: string, paths: string[]) =>
  withStore(name, (store) => ingestPaths(paths, store, { batchSize: 20, enricher }));

/** Every story as its sorted member ids, sorted: what must not depend on the cut. */
const partition = (name: string) =>
  withStore(name, async (store) => {
    const stories = await store.stories!.listStories();
    const groups = await Promise.all(
      stories.map(async (story) =>
        (await store.stories!.listMembers(story.id)).map((m) => m.articleId).sort(),
      ),
    );
    return groups.map((members) => members.join(',')).sort();
  });

/**
 * A store whose organising step fails on its nth batch, as a process killed right before it. Batches
 * are counted by their saves; organising is recognised by its first step, asking for the
 * syndication index (other steps open transactions too: the batch's enrichments before it, the
 * claim ledger after it).
 */
const dyingAt = (store: ArticleStore, batch: number): ArticleStore => {
  let saves = 0;
  let organised = 0;
  return new Proxy(store, {
    get: (target, key) => {
      if (key === 'saveArticles')
        return (...args: Parameters<ArticleStore['saveArticles']>) => {
          saves++;
          return target.saveArticles(...args);
        };
      if (key === 'nearDuplicates' && organised < saves) {
        organised = saves;
        if (saves === batch) throw new Error('killed before organising');
      }
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
};

test('stories of one run equal those of the same input cut into two runs', { skip }, async () => {
  const paths = files();
  await ingest('single', paths);
  await ingest('split', paths.slice(0, 50));
  await ingest('split', paths);
  const single = await partition('single');
  assert.ok(single.length > 10 && single.length < paths.length, `${single.length} stories`);
  assert.ok(
    single.some((members) => members.includes(',')),
    'some story has several members',
  );
  assert.deepEqual(await partition('split'), single);
});

test(
  'stories of one run equal those of a split that changes the order articles arrive in',
  { skip },
  async () => {
    const paths = files();
    await ingest('single-ordered', paths);
    // The second half first, then everything: the first half now arrives after articles that a
    // single run reads after it, so it must re-settle the stories built without it.
    await ingest('reordered', paths.slice(60));
    await ingest('reordered', paths);
    // Every fourth file, then the rest in reverse: many late articles, in batches out of order.
    await ingest(
      'interleaved',
      paths.filter((_, i) => i % 4 === 0),
    );
    await ingest('interleaved', [...paths].reverse());
    const single = await partition('single-ordered');
    assert.deepEqual(await partition('reordered'), single);
    assert.deepEqual(await partition('interleaved'), single);
  },
);

test(
  'a run that dies after enriching a batch and before clustering it, then a re-run, gives the same stories',
  { skip },
  async () => {
    const paths = files();
    await ingest('clean', paths);
    await assert.rejects(
      withStore('died', (store) =>
        ingestPaths(paths, dyingAt(store, 3), { batchSize: 20, enricher }),
      ),
      /killed before organising/,
    );
    const enrichedBeforeDeath = await withStore('died', async (store) => {
      let count = 0;
      for await (const article of store.streamArticles())
        if (await store.getEnrichment(article.id)) count++;
      return count;
    });
    assert.equal(enrichedBeforeDeath, 60, 'three batches saved and enriched');
    await ingest('died', paths);
    assert.deepEqual(await partition('died'), await partition('clean'));
  },
);
