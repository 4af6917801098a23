/**
 * The query-language table (src/search/fixtures) run against a real backend: every backend must
 * return exactly the hits the reference evaluator defines, and report facets and syntax the same way.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sha256Hex } from '../core/hash.js';
import { parseQuery } from '../search/index.js';
import { QUERY_CASES } from '../search/fixtures/query-cases.js';
import { QUERY_CORPUS } from '../search/fixtures/query-corpus.js';
import type { ArticleStore } from './port.js';
import { COUNT_CAP, FACET_SAMPLE, RANK_WINDOW } from './search-bounds.js';
import type { ContractTarget } from './store-contract.suite.js';

/** Loads the fixed corpus; returns article id -> corpus doc id. */
export const loadQueryCorpus = async (store: ArticleStore): Promise<Map<string, string>> => {
  const outcomes = await store.saveArticles(
    QUERY_CORPUS.map((doc) => ({
      identityKey: `id:query-corpus:${doc.id}`,
      format: 'jsonl',
      provenance: { path: 'query-corpus.jsonl', recordIndex: Number(doc.id.slice(1)) },
      raw: JSON.stringify(doc),
      rawMediaType: 'application/json',
      itemRecord: '{}',
      externalId: doc.id,
      ...(doc.source !== undefined ? { source: doc.source } : {}),
      title: doc.title,
      text: doc.text,
      authors: [],
      categories: [],
      ...(doc.published !== undefined ? { published: doc.published } : {}),
      ...(doc.lang !== undefined ? { language: doc.lang } : {}),
      contentHash: sha256Hex(`${doc.title}\n${doc.text}`),
      stageVersions: {},
    })),
  );
  const ids = new Map<string, string>();
  for (const [index, outcome] of outcomes.entries()) {
    const doc = QUERY_CORPUS[index]!;
    ids.set(outcome.id, doc.id);
    const body = `${doc.title}\n${doc.text}`;
    await store.saveEnrichment(outcome.id, {
      version: 'fixture',
      entities: (doc.entities ?? []).map((entity) => {
        const start = Math.max(0, body.indexOf(entity.name));
        return {
          text: entity.name,
          start,
          end: start + entity.name.length,
          type: entity.type,
          id: `local:${entity.type.toLowerCase()}:${entity.name.toLowerCase()}`,
          name: entity.name,
        };
      }),
      countries: (doc.countries ?? []).map((code) => ({ code, name: code })),
      figures: [],
      quotes: [],
      relations: [],
      document: { fixture: true },
    });
  }
  return ids;
};

export const runSearchContract = (target: ContractTarget): void => {
  describe(`search contract: ${target.name}`, () => {
    test(
      'every query of the language table returns exactly its expected hits',
      { skip: target.skip ?? false },
      async () => {
        const store = await target.open();
        try {
          const ids = await loadQueryCorpus(store);
          const failures: string[] = [];
          for (const { query, expected } of QUERY_CASES) {
            const parsed = parseQuery(query);
            assert.ok(parsed.ok, `table query does not parse: ${query}`);
            const result = await store.searchArticles({ query: parsed.value, limit: 100 });
            const got = result.hits.map((hit) => ids.get(hit.id) ?? hit.id).sort();
            if (JSON.stringify(got) !== JSON.stringify([...expected].sort())) {
              failures.push(`${query}: expected ${expected.join(',')} got ${got.join(',')}`);
            }
            if (result.total !== expected.length) failures.push(`${query}: total ${result.total}`);
          }
          assert.deepEqual(failures, []);
        } finally {
          await store.close();
        }
      },
    );

    test(
      'facets count sources, languages, months, entities and countries over all hits',
      { skip: target.skip ?? false },
      async () => {
        const store = await target.open();
        try {
          await loadQueryCorpus(store);
          const parsed = parseQuery('nato OR drone*');
          assert.ok(parsed.ok);
          const result = await store.searchArticles({
            query: parsed.value,
            limit: 2,
            facets: true,
          });
          assert.equal(result.hits.length, 2);
          assert.ok(result.nextCursor);
          const facets = result.facets!;
          const sum = (counts: { count: number }[]) => counts.reduce((n, c) => n + c.count, 0);
          assert.ok(sum(facets.source) <= result.total);
          assert.ok(facets.source.length > 0);
          assert.ok(facets.month.every((m) => /^\d{4}-\d{2}$/.test(m.value)));
          assert.deepEqual(
            facets.month.map((m) => m.value),
            [...facets.month.map((m) => m.value)].sort(),
          );
          assert.ok(facets.entityType.some((t) => t.value === 'WEAPON'));
          assert.ok(facets.country.some((c) => c.value === 'UA'));
          const next = await store.searchArticles({
            query: parsed.value,
            limit: 100,
            cursor: result.nextCursor!,
          });
          assert.equal(next.hits.length, result.total - 2);
          const all = new Set([...result.hits, ...next.hits].map((h) => h.id));
          assert.equal(all.size, result.total);
        } finally {
          await store.close();
        }
      },
    );

    test(
      'newest-first sorting and highlighted snippets',
      { skip: target.skip ?? false },
      async () => {
        const store = await target.open();
        try {
          await loadQueryCorpus(store);
          const parsed = parseQuery('drone*');
          assert.ok(parsed.ok);
          const newest = await store.searchArticles({
            query: parsed.value,
            limit: 10,
            sort: 'newest',
          });
          const dates = newest.hits.map((h) => h.published ?? '');
          assert.deepEqual(dates, [...dates].sort().reverse());
          const ranked = await store.searchArticles({ query: parsed.value, limit: 10 });
          assert.ok(
            ranked.hits.every((h) => /\[drones?\]/i.test(h.snippet) || /\[/.test(h.snippet)),
          );
        } finally {
          await store.close();
        }
      },
    );

    test(
      'a query broader than the bounds says its total is a lower bound and what it considered',
      { skip: target.skip ?? false },
      async () => {
        const store = await target.open();
        try {
          const size = RANK_WINDOW + 5;
          await store.saveArticles(
            Array.from({ length: size }, (_, i) => ({
              identityKey: `id:bounds:${i}`,
              format: 'jsonl' as const,
              provenance: { path: 'bounds.jsonl', recordIndex: i },
              raw: `{"i":${i}}`,
              rawMediaType: 'application/json',
              itemRecord: '{}',
              source: i % 2 === 0 ? 'Even' : 'Odd',
              title: `Report ${i}`,
              text: `broad word ${i % 7 === 0 ? 'rare' : 'common'} number ${i}`,
              authors: [],
              categories: [],
              published: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
              language: 'en',
              contentHash: sha256Hex(`bounds ${i}`),
              stageVersions: {},
            })),
          );
          const search = async (text: string, facets = false) => {
            const parsed = parseQuery(text);
            assert.ok(parsed.ok);
            return store.searchArticles({ query: parsed.value, limit: 5, facets });
          };
          const broad = await search('broad', true);
          assert.equal(broad.matchesConsidered, RANK_WINDOW);
          assert.equal(broad.totalIsEstimate, true);
          assert.equal(broad.total, Math.min(COUNT_CAP, RANK_WINDOW));
          // Facets cover the considered matches (or the sample of them), not the whole archive.
          const faceted = (broad.facets?.source ?? []).reduce((n, c) => n + c.count, 0);
          assert.equal(faceted, Math.min(FACET_SAMPLE, RANK_WINDOW));
          // The window is the newest matches: the first five articles are outside it.
          const oldest = await search('broad', false);
          assert.ok(oldest.hits.every((hit) => !/^Report [0-4]$/.test(hit.title ?? '')));
          // A narrower query below the bounds stays exact.
          const rare = await search('rare');
          assert.equal(rare.totalIsEstimate, undefined);
          assert.equal(rare.matchesConsidered, undefined);
          assert.equal(rare.total, Math.ceil(size / 7));
        } finally {
          await store.close();
        }
      },
    );

    test(
      'collapsing copies folds each syndication group into its canonical article',
      { skip: target.skip ?? false },
      async () => {
        const store = await target.open();
        try {
          const texts = [
            'wire story about frigates',
            'wire story about frigates',
            'other frigates',
          ];
          const outcomes = await store.saveArticles(
            texts.map((text, i) => ({
              identityKey: `id:collapse:${i}`,
              format: 'jsonl' as const,
              provenance: { path: 'collapse.jsonl', recordIndex: i },
              raw: `{"i":${i}}`,
              rawMediaType: 'application/json',
              itemRecord: '{}',
              source: `outlet ${i}`,
              title: `Frigates ${i}`,
              text,
              authors: [],
              categories: [],
              // The copy is newer and comes first in newest order; the group shows the canonical.
              published: new Date(Date.UTC(2024, 0, 1 + (i === 1 ? 5 : i))).toISOString(),
              language: 'en',
              contentHash: sha256Hex(`collapse ${i}`),
              stageVersions: {},
            })),
          );
          const [canonical, copy, other] = outcomes.map((o) => o.id);
          assert.ok(store.nearDuplicates && canonical && copy && other);
          await store.nearDuplicates.saveDecisions([
            {
              articleId: copy,
              status: 'duplicate',
              of: canonical,
              similarity: 1,
              reasons: ['exact-text'],
              version: 'test',
            },
          ]);
          const parsed = parseQuery('frigates');
          assert.ok(parsed.ok);
          const request = { query: parsed.value, limit: 10, sort: 'newest' as const, facets: true };
          const all = await store.searchArticles(request);
          assert.deepEqual(
            all.hits.map((h) => h.id),
            [copy, other, canonical],
          );
          const collapsed = await store.searchArticles({ ...request, collapseCopies: true });
          assert.deepEqual(
            collapsed.hits.map((h) => [h.id, h.copies ?? 0]),
            [
              [canonical, 1],
              [other, 0],
            ],
          );
          assert.equal(collapsed.total, 2);
          const sources = (collapsed.facets?.source ?? []).reduce((n, c) => n + c.count, 0);
          assert.equal(sources, 2);
        } finally {
          await store.close();
        }
      },
    );
  });
};
