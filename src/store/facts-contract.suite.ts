/**
 * The entity and fact contract: entities, figures, quotes and relations saved with an enrichment
 * read back the same on every backend (run by sqlite-store.test.ts and postgres-store.test.ts).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { enrichmentFor, FACT_FIXTURE, loadFactFixture } from './facts-fixture.js';
import type { ArticleStore } from './port.js';
import type { ContractTarget } from './store-contract.suite.js';

export const runFactsContract = (target: ContractTarget): void => {
  const it = (
    name: string,
    body: (store: ArticleStore, ids: Map<string, string>) => Promise<void>,
  ) =>
    test(name, { skip: target.skip ?? false }, async () => {
      const store = await target.open();
      try {
        await body(store, await loadFactFixture(store));
      } finally {
        await store.close();
      }
    });
  const key = (ids: Map<string, string>, articleId: string): string =>
    [...ids].find(([, id]) => id === articleId)?.[0] ?? articleId;

  describe(`facts contract: ${target.name}`, () => {
    it('getEnrichment returns the figures, quotes and relations as saved', async (store, ids) => {
      for (const article of FACT_FIXTURE) {
        assert.deepEqual(await store.getEnrichment(ids.get(article.key)!), enrichmentFor(article));
      }
    });

    it('lists entities by articles then mentions, with type and name-prefix filters', async (store) => {
      const all = await store.listEntities({ limit: 100 });
      assert.deepEqual(
        all.map((e) => [e.id, e.articles, e.mentions]),
        [
          ['kb:himars', 2, 3],
          ['kb:ee', 2, 2],
          ['kb:nato', 2, 2],
          ['kb:pevkur', 1, 1],
          ['kb:rafale', 1, 1],
          ['kb:rs', 1, 1],
          ['kb:rutte', 1, 1],
          ['kb:vucic', 1, 1],
        ],
      );
      assert.deepEqual(
        (await store.listEntities({ limit: 2 })).map((e) => e.id),
        ['kb:himars', 'kb:ee'],
      );
      assert.deepEqual(
        (await store.listEntities({ type: 'weapon', limit: 10 })).map((e) => e.id),
        ['kb:himars', 'kb:rafale'],
      );
      assert.deepEqual(
        (await store.listEntities({ namePrefix: 'h', limit: 10 })).map((e) => e.name),
        ['HIMARS', 'Hanno Pevkur'],
      );
      assert.deepEqual(
        (await store.listEntities({ type: 'PERSON', namePrefix: 'MA', limit: 10 })).map(
          (e) => e.id,
        ),
        ['kb:rutte'],
      );
      assert.deepEqual(await store.listEntities({ namePrefix: '%', limit: 10 }), []);
    });

    it('gets an entity by id, then by case-insensitive name', async (store) => {
      const nato = {
        id: 'kb:nato',
        name: 'NATO',
        type: 'ORG',
        articles: 2,
        mentions: 2,
        firstSeen: '2025-01-15T08:00:00.000Z',
        lastSeen: '2025-03-04T10:00:00.000Z',
      };
      assert.deepEqual(await store.getEntity('kb:nato'), nato);
      assert.deepEqual(await store.getEntity('nato'), nato);
      assert.equal((await store.getEntity('hanno pevkur'))?.id, 'kb:pevkur');
      assert.equal(await store.getEntity('kb:NATO'), undefined);
      assert.equal(await store.getEntity('nobody'), undefined);
    });

    it('counts articles per month and entities mentioned together', async (store) => {
      assert.deepEqual(await store.entityTimeline('kb:himars'), [
        { month: '2025-01', articles: 1 },
        { month: '2025-03', articles: 1 },
      ]);
      assert.deepEqual(await store.entityTimeline('kb:ee'), [{ month: '2025-03', articles: 2 }]);
      assert.deepEqual(await store.entityTimeline('kb:none'), []);
      const together = await store.listCooccurringEntities('kb:himars', 10);
      assert.deepEqual(
        together.map((e) => [e.id, e.together]),
        [
          ['kb:nato', 2],
          ['kb:ee', 1],
          ['kb:pevkur', 1],
          ['kb:rutte', 1],
        ],
      );
      assert.deepEqual(together[0], { id: 'kb:nato', name: 'NATO', type: 'ORG', together: 2 });
      assert.equal((await store.listCooccurringEntities('kb:himars', 1)).length, 1);
    });

    it('lists figures newest article first, by entity, kind and unit', async (store, ids) => {
      const all = await store.listFigures({ limit: 50 });
      assert.deepEqual(
        all.items.map((f) => [key(ids, f.articleId), f.text]),
        [
          ['rafale', '12 Rafale jets'],
          ['himars', 'six HIMARS launchers'],
          ['himars', '€200 million'],
          ['nato', '300,000 troops'],
          ['nato', '5%'],
        ],
      );
      assert.equal(all.nextCursor, undefined);
      const money = await store.listFigures({ kind: 'money', limit: 10 });
      assert.deepEqual(money.items, [
        {
          ...enrichmentFor(FACT_FIXTURE[1]!).figures[1]!,
          articleId: ids.get('himars')!,
          articleTitle: 'About himars',
          published: '2025-03-04T10:00:00.000Z',
          source: 'Example Wire',
        },
      ]);
      assert.deepEqual(
        (await store.listFigures({ unit: 'eur', limit: 10 })).items.map((f) => f.value),
        [200e6],
      );
      assert.deepEqual(
        (await store.listFigures({ kind: 'count', entityId: 'kb:himars', limit: 10 })).items.map(
          (f) => f.unit,
        ),
        ['launchers', 'troops'],
      );
      assert.deepEqual(
        (await store.listFigures({ articleId: ids.get('nato')!, limit: 10 })).items.map(
          (f) => f.kind,
        ),
        ['count', 'percent'],
      );
    });

    it('pages facts with a cursor, without gaps or repeats', async (store) => {
      const all = (await store.listFigures({ limit: 50 })).items;
      const paged = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 10; pages++) {
        const page = await store.listFigures({ limit: 2, ...(cursor ? { cursor } : {}) });
        paged.push(...page.items);
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      assert.equal(paged.length, 5);
      assert.deepEqual(paged, all);
      await assert.rejects(store.listQuotes({ limit: 2, cursor: 'garbage' }), {
        code: 'INVALID_ARGUMENT',
      });
    });

    it('lists quotes by speaker and in articles mentioning an entity', async (store, ids) => {
      const byRutte = await store.listQuotes({ speakerId: 'kb:rutte', limit: 10 });
      assert.deepEqual(
        byRutte.items.map((q) => [key(ids, q.articleId), q.text, q.speaker]),
        [['nato', '"We must spend 5%,"', 'Rutte']],
      );
      const aboutEstonia = await store.listQuotes({ entityId: 'kb:ee', limit: 10 });
      assert.deepEqual(
        aboutEstonia.items.map((q) => [key(ids, q.articleId), q.speakerId ?? null, q.anonymous]),
        [
          ['rafale', 'kb:vucic', false],
          ['himars', null, true],
          ['himars', 'kb:pevkur', false],
        ],
      );
      assert.deepEqual(
        (await store.listQuotes({ entityId: 'kb:ee', speakerId: 'kb:pevkur', limit: 10 })).items
          .length,
        1,
      );
    });

    it('lists relations involving an entity, by predicate, with negation', async (store, ids) => {
      const nato = await store.listRelations({ entityId: 'kb:nato', limit: 10 });
      assert.deepEqual(
        nato.items.map((r) => [key(ids, r.articleId), r.subjectId, r.predicate, r.negated]),
        [
          ['rafale', 'kb:rs', 'member_of', true],
          ['nato', 'kb:rutte', 'holds_office', false],
        ],
      );
      assert.deepEqual(
        (await store.listRelations({ entityId: 'kb:himars', limit: 10 })).items.map(
          (r) => r.subjectId,
        ),
        ['kb:ee'],
      );
      const acquires = await store.listRelations({ predicate: 'acquires', limit: 10 });
      assert.deepEqual(
        acquires.items.map((r) => [r.objectName, r.start, r.end]),
        [['Rafale', 0, 'Serbia ordered 12 Rafale jets'.length]],
      );
    });

    it('re-saving an enrichment replaces its facts instead of adding to them', async (store, ids) => {
      const himars = ids.get('himars')!;
      await store.saveEnrichment(himars, enrichmentFor(FACT_FIXTURE[1]!));
      assert.equal((await store.listFigures({ limit: 50 })).items.length, 5);
      assert.equal((await store.listQuotes({ articleId: himars, limit: 50 })).items.length, 2);
      assert.equal((await store.getEntity('kb:himars'))?.mentions, 3);
      const thinner = enrichmentFor(FACT_FIXTURE[1]!);
      await store.saveEnrichment(himars, {
        ...thinner,
        figures: thinner.figures.slice(0, 1),
        quotes: [],
        relations: [],
      });
      assert.deepEqual(
        (await store.listFigures({ articleId: himars, limit: 10 })).items.map((f) => f.text),
        ['six HIMARS launchers'],
      );
      assert.equal((await store.listQuotes({ articleId: himars, limit: 10 })).items.length, 0);
      assert.deepEqual((await store.listRelations({ entityId: 'kb:himars', limit: 10 })).items, []);
      assert.deepEqual((await store.getEnrichment(himars))?.quotes, []);
    });
  });
};
