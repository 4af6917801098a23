/**
 * The write-time entity aggregates (entity-stats.ts) against the truth they summarise: after every
 * enrichment, re-enrichment, emptied enrichment and change of publication date, the entity list,
 * entity summaries, timelines and newest-article lists equal what the stored mentions and articles
 * say, computed here from scratch; and the migration's backfill (a full rebuild) gives the same
 * answers as the increments. Run by sqlite-store.test.ts and postgres-store.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ArticleEnrichment, EntityMention } from '../core/enrichment.js';
import type { ArticleStore, EntitySummary } from './port.js';
import { draftFor, type ContractTarget } from './store-contract.suite.js';
import { seededRandom } from '../core/seeded-random.js';

const ENTITIES = [
  { id: 'kb:himars', names: ['HIMARS', 'M142 HIMARS'], types: ['WEAPON'] },
  { id: 'kb:ee', names: ['Estonia', 'Eesti'], types: ['GPE', 'LOC'] },
  { id: 'kb:nato', names: ['NATO'], types: ['ORG'] },
  { id: 'local:person:kallas', names: ['Kaja Kallas', 'Kallas'], types: ['PERSON'] },
  { id: 'kb:hu', names: ['Hungary'], types: ['GPE'] },
];
const DATES = [
  '2025-01-10T08:00:00.000Z',
  '2025-01-31T23:00:00.000Z',
  '2025-03-04T10:00:00.000Z',
  '2025-05-02T12:00:00.000Z',
  '2024-12-31T09:00:00.000Z',
  undefined,
];

const pick = <T>(next: () => number, items: readonly T[]): T =>
  items[Math.floor(next() * items.length)] as T;

const mentionsOf = (next: () => number): EntityMention[] =>
  Array.from({ length: Math.floor(next() * 6) }, (_, k) => {
    const entity = pick(next, ENTITIES);
    const name = pick(next, entity.names);
    return {
      text: name,
      start: k * 20,
      end: k * 20 + name.length,
      type: pick(next, entity.types),
      id: entity.id,
      name,
    };
  });

const enrichmentOf = (next: () => number): ArticleEnrichment => ({
  version: 't',
  entities: mentionsOf(next),
  countries: [],
  figures: [],
  quotes: [],
  relations: [],
  document: null,
});

interface Truth {
  readonly entities: EntitySummary[];
  readonly timelines: Map<string, { month: string; articles: number }[]>;
  readonly newest: Map<string, string[]>;
  readonly mentions: Map<string, EntityMention[]>;
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** What the aggregates must say, from the stored mentions and articles alone. */
const truthOf = async (store: ArticleStore, articleIds: readonly string[]): Promise<Truth> => {
  const perEntity = new Map<
    string,
    { articles: Map<string, string | undefined>; mentions: EntityMention[] }
  >();
  for (const id of articleIds) {
    const published = (await store.getArticle(id))?.published;
    for (const m of (await store.getEnrichment(id))?.entities ?? []) {
      const entry = perEntity.get(m.id) ?? {
        articles: new Map<string, string | undefined>(),
        mentions: [] as EntityMention[],
      };
      perEntity.set(m.id, entry);
      entry.articles.set(id, published);
      entry.mentions.push(m);
    }
  }
  const entities: EntitySummary[] = [];
  const timelines = new Map<string, { month: string; articles: number }[]>();
  const newest = new Map<string, string[]>();
  const mentions = new Map<string, EntityMention[]>();
  for (const [id, { articles, mentions: ms }] of perEntity) {
    const labels = new Map<string, number>();
    for (const m of ms)
      labels.set(
        JSON.stringify([m.name, m.type]),
        (labels.get(JSON.stringify([m.name, m.type])) ?? 0) + 1,
      );
    const [label] = [...labels].sort((a, b) => b[1] - a[1] || byCodePoint(a[0], b[0]));
    const [name, type] = JSON.parse(label![0]) as [string, string];
    const dates = [...articles.values()]
      .filter((d): d is string => d !== undefined)
      .sort(byCodePoint);
    entities.push({
      id,
      name,
      type,
      articles: articles.size,
      mentions: ms.length,
      ...(dates.length > 0 ? { firstSeen: dates[0]!, lastSeen: dates.at(-1)! } : {}),
    });
    const months = new Map<string, number>();
    for (const d of dates) months.set(d.slice(0, 7), (months.get(d.slice(0, 7)) ?? 0) + 1);
    timelines.set(
      id,
      [...months]
        .sort((a, b) => byCodePoint(a[0], b[0]))
        .map(([month, n]) => ({ month, articles: n })),
    );
    newest.set(
      id,
      [...articles]
        .sort(([ia, da], [ib, db]) =>
          da === db
            ? byCodePoint(ib, ia)
            : da === undefined
              ? 1
              : db === undefined
                ? -1
                : byCodePoint(db, da),
        )
        .map(([articleId]) => articleId),
    );
    mentions.set(id, ms);
  }
  entities.sort(
    (a, b) => b.articles - a.articles || b.mentions - a.mentions || byCodePoint(a.id, b.id),
  );
  return { entities, timelines, newest, mentions };
};

const assertMatches = async (store: ArticleStore, truth: Truth, step: string): Promise<void> => {
  assert.deepEqual(await store.listEntities({ limit: 50 }), truth.entities, `${step}: entity list`);
  for (const entity of truth.entities) {
    assert.deepEqual(await store.getEntity(entity.id), entity, `${step}: ${entity.id}`);
    assert.deepEqual(
      await store.entityTimeline(entity.id),
      truth.timelines.get(entity.id),
      `${step}: timeline ${entity.id}`,
    );
    assert.deepEqual(
      await store.entityArticles?.newestArticleIds(entity.id, 3),
      truth.newest.get(entity.id)?.slice(0, 3),
      `${step}: newest ${entity.id}`,
    );
  }
  for (const type of ['gpe', 'PERSON', 'weapon']) {
    const expected = truth.entities.filter((e) =>
      truth.mentions.get(e.id)!.some((m) => m.type.toLowerCase() === type.toLowerCase()),
    );
    assert.deepEqual(
      await store.listEntities({ type, limit: 50 }),
      expected,
      `${step}: type ${type}`,
    );
  }
  const prefixed = truth.entities.filter((e) =>
    truth.mentions.get(e.id)!.some((m) => m.name.toLowerCase().startsWith('ka')),
  );
  assert.deepEqual(
    await store.listEntities({ namePrefix: 'Ka', limit: 50 }),
    prefixed,
    `${step}: prefix`,
  );
  for (const gone of ENTITIES.filter((e) => !truth.mentions.has(e.id))) {
    assert.equal(
      await store.getEntity(gone.id),
      undefined,
      `${step}: ${gone.id} has no mention left`,
    );
    assert.deepEqual(await store.entityTimeline(gone.id), [], `${step}: ${gone.id} timeline`);
  }
};

export const runEntityStatsContract = (
  target: ContractTarget,
  /** Runs the migration's backfill (ENTITY_STATS_REBUILD_SQL) on the store's database. */
  rebuild: (store: ArticleStore) => Promise<void>,
): void => {
  describe(`entity aggregates contract: ${target.name}`, () => {
    test(
      'aggregates follow enrichments, re-enrichments and date changes, and equal a rebuild',
      { skip: target.skip ?? false },
      async () => {
        const store = await target.open();
        try {
          const next = seededRandom(17);
          const outcomes = await store.saveArticles(
            Array.from({ length: 8 }, (_, k) => {
              const published = pick(next, DATES);
              return draftFor(
                `stats-${k}`,
                published === undefined ? { published: undefined } : { published },
              );
            }),
          );
          const ids = outcomes.map((o) => o.id);
          for (const id of ids) await store.saveEnrichment(id, enrichmentOf(next));
          await assertMatches(store, await truthOf(store, ids), 'first enrichment');
          for (let step = 0; step < 24; step++) {
            const id = pick(next, ids);
            if (next() < 0.6) {
              await store.saveEnrichment(id, enrichmentOf(next));
            } else {
              const article = (await store.getArticle(id))!;
              const published = pick(next, DATES);
              await store.updateDerived(id, {
                text: article.text,
                authors: article.authors,
                contentHash: article.contentHash,
                stageVersions: article.stageVersions,
                ...(article.title !== undefined ? { title: article.title } : {}),
                ...(published !== undefined ? { published } : {}),
              });
            }
            await assertMatches(store, await truthOf(store, ids), `step ${step}`);
          }
          // Concurrent writers (PostgreSQL runs them at once): first enrichments beside
          // re-enrichments of articles sharing entities, listed in opposite orders.
          const more = (
            await store.saveArticles(
              Array.from({ length: 6 }, (_, k) => draftFor(`stats-more-${k}`)),
            )
          ).map((o) => o.id);
          const shared = (k: number): ArticleEnrichment => {
            const ordered = k % 2 === 0 ? ENTITIES : [...ENTITIES].reverse();
            return {
              ...enrichmentOf(next),
              entities: ordered.map((e, i) => ({
                text: e.names[0]!,
                start: i * 20,
                end: i * 20 + e.names[0]!.length,
                type: e.types[0]!,
                id: e.id,
                name: e.names[0]!,
              })),
            };
          };
          await Promise.all([
            ...ids.map((id, k) => store.saveEnrichment(id, shared(k))),
            ...more.map((id, k) => store.saveEnrichment(id, shared(k + 1))),
          ]);
          await Promise.all([...ids, ...more].map((id, k) => store.saveEnrichment(id, shared(k))));
          ids.push(...more);
          await assertMatches(store, await truthOf(store, ids), 'concurrent writers');
          if (store.saveEnrichments) {
            // One batch of first enrichments and re-enrichments, one article twice.
            const fresh = (
              await store.saveArticles(
                Array.from({ length: 4 }, (_, k) => draftFor(`stats-batch-${k}`)),
              )
            ).map((o) => o.id);
            const batch = [...fresh, ids[0]!, ids[3]!, fresh[1]!, ids[0]!];
            await store.saveEnrichments(
              batch.map((id, k) => ({ id, enrichment: k % 2 ? shared(k) : enrichmentOf(next) })),
            );
            ids.push(...fresh);
            await assertMatches(store, await truthOf(store, ids), 'one batch');
          }
          const before = await truthOf(store, ids);
          await rebuild(store);
          await assertMatches(store, before, 'after the backfill');
        } finally {
          await store.close();
        }
      },
    );
  });
};
