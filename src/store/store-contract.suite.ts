/**
 * The store contract: every backend runs exactly these tests (SQLite in sqlite-store.test.ts,
 * PostgreSQL in postgres-store.test.ts). A behaviour the pipeline relies on belongs here.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ArticleDraft } from '../core/article.js';
import { sha256Hex } from '../core/hash.js';
import { parseQuery } from '../search/index.js';
import { articleIdFor } from './article-id.js';
import type { ArticleStore } from './port.js';

export interface ContractTarget {
  readonly name: string;
  /** A fresh, empty store for each test. */
  readonly open: () => Promise<ArticleStore>;
  /** Reason to skip (e.g. no PostgreSQL configured), shown in the test output. */
  readonly skip?: string | false;
}

export const draftFor = (key: string, overrides: Partial<ArticleDraft> = {}): ArticleDraft => {
  const title = overrides.title ?? `Title of ${key}`;
  const text = overrides.text ?? `Body of ${key}: HIMARS launchers were delivered to Estonia.`;
  return {
    identityKey: `url:https://example.org/${key}`,
    format: 'jsonl',
    provenance: { path: 'test.jsonl', recordIndex: 0, url: `https://example.org/${key}` },
    raw: JSON.stringify({ key, title, text }),
    rawMediaType: 'application/json',
    itemRecord: JSON.stringify({ format: 'jsonl', body: { kind: 'text' } }),
    url: `https://example.org/${key}`,
    canonicalUrl: `https://example.org/${key}`,
    source: 'Example Wire',
    title,
    text,
    authors: ['A. Writer'],
    categories: ['defence'],
    published: '2025-03-04T10:00:00.000Z',
    language: 'en',
    contentHash: sha256Hex(`${title}\n${text}`),
    stageVersions: { clean: 'test-1' },
    ...overrides,
  };
};

export const runStoreContract = (target: ContractTarget): void => {
  const withStore = async (body: (store: ArticleStore) => Promise<void>): Promise<void> => {
    const store = await target.open();
    try {
      await body(store);
    } finally {
      await store.close();
    }
  };
  const it = (name: string, body: (store: ArticleStore) => Promise<void>) =>
    test(name, { skip: target.skip ?? false }, () => withStore(body));

  describe(`store contract: ${target.name}`, () => {
    it('adds a new article and reads back every field', async (store) => {
      const draft = draftFor('one');
      const [outcome] = await store.saveArticles([draft]);
      assert.equal(outcome?.status, 'added');
      assert.equal(outcome?.revision, 1);
      assert.equal(outcome?.id, articleIdFor(draft.identityKey));
      const article = await store.getArticle(outcome!.id);
      assert.ok(article);
      assert.equal(article.title, draft.title);
      assert.equal(article.text, draft.text);
      assert.equal(article.url, draft.url);
      assert.equal(article.canonicalUrl, draft.canonicalUrl);
      assert.equal(article.source, 'Example Wire');
      assert.equal(article.published, draft.published);
      assert.equal(article.language, 'en');
      assert.deepEqual(article.authors, ['A. Writer']);
      assert.deepEqual(article.categories, ['defence']);
      assert.deepEqual(article.stageVersions, { clean: 'test-1' });
      assert.deepEqual(article.provenance, draft.provenance);
      assert.equal(article.contentHash, draft.contentHash);
      assert.ok(!Number.isNaN(Date.parse(article.ingestedAt)));
      assert.equal(await store.getArticle('a-missing'), undefined);
    });

    it('re-saving the same draft changes nothing', async (store) => {
      await store.saveArticles([draftFor('one')]);
      const [again] = await store.saveArticles([draftFor('one')]);
      assert.equal(again?.status, 'unchanged');
      assert.equal(again?.revision, 1);
      assert.equal((await store.countStats()).articles, 1);
      assert.equal((await store.countStats()).revisions, 1);
    });

    it('a changed article at the same identity becomes a revision, keeping every raw', async (store) => {
      const first = draftFor('one');
      const changed = draftFor('one', {
        text: 'Body of one, updated: the delivery was postponed.',
        raw: '{"updated":true}',
        contentHash: sha256Hex('changed'),
      });
      const [added] = await store.saveArticles([first]);
      const [revised] = await store.saveArticles([changed]);
      assert.equal(revised?.status, 'revised');
      assert.equal(revised?.revision, 2);
      assert.equal(revised?.id, added?.id);
      const article = await store.getArticle(added!.id);
      assert.equal(article?.text, changed.text);
      assert.equal(article?.revision, 2);
      const revisions = await store.listRevisions(added!.id);
      assert.deepEqual(
        revisions.map((r) => [r.revision, r.raw]),
        [
          [1, first.raw],
          [2, changed.raw],
        ],
      );
      assert.equal((await store.countStats()).articles, 1);
    });

    it('identical raw input is unchanged even when derivation changed (reprocess handles that)', async (store) => {
      await store.saveArticles([draftFor('one')]);
      const [outcome] = await store.saveArticles([
        draftFor('one', {
          text: 'derived differently',
          raw: draftFor('one').raw,
          contentHash: sha256Hex('other'),
        }),
      ]);
      assert.equal(outcome?.status, 'unchanged');
    });

    it('duplicates inside one batch are stored once', async (store) => {
      const outcomes = await store.saveArticles([
        draftFor('one'),
        draftFor('two'),
        draftFor('one'),
      ]);
      assert.deepEqual(
        outcomes.map((o) => o.status),
        ['added', 'added', 'unchanged'],
      );
    });

    it('a failing batch stores none of its articles', async (store) => {
      const broken = { ...draftFor('broken'), text: null } as unknown as ArticleDraft;
      await assert.rejects(store.saveArticles([draftFor('one'), broken]));
      assert.equal((await store.countStats()).articles, 0);
      const [later] = await store.saveArticles([draftFor('one')]);
      assert.equal(later?.status, 'added');
    });

    it('lists newest first with cursors that cover every article once', async (store) => {
      for (const key of ['a', 'b', 'c', 'd', 'e']) await store.saveArticles([draftFor(key)]);
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store.listArticles({ limit: 2, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((a) => a.title ?? ''));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      assert.equal(pages, 3);
      assert.deepEqual(
        seen,
        ['e', 'd', 'c', 'b', 'a'].map((k) => `Title of ${k}`),
      );
    });

    it('streams every article with its raw input in ingest order', async (store) => {
      await store.saveArticles([draftFor('a'), draftFor('b'), draftFor('c')]);
      const streamed: string[] = [];
      for await (const article of store.streamArticles({ batchSize: 2 })) {
        assert.ok(article.raw.includes(article.title?.slice(-1) ?? '?'));
        assert.deepEqual(JSON.parse(article.itemRecord), {
          format: 'jsonl',
          body: { kind: 'text' },
        });
        streamed.push(article.title ?? '');
      }
      assert.deepEqual(streamed, ['Title of a', 'Title of b', 'Title of c']);
    });

    it('updates derived fields and the text index without touching raw', async (store) => {
      const [outcome] = await store.saveArticles([draftFor('one')]);
      await store.updateDerived(outcome!.id, {
        title: 'Re-derived title',
        text: 'Freshly derived text about Leopard tanks.',
        authors: [],
        contentHash: sha256Hex('re-derived'),
        stageVersions: { clean: 'test-2' },
      });
      const article = await store.getArticle(outcome!.id);
      assert.equal(article?.text, 'Freshly derived text about Leopard tanks.');
      assert.deepEqual(article?.stageVersions, { clean: 'test-2' });
      const count = async (word: string) => {
        const parsed = parseQuery(word);
        assert.ok(parsed.ok);
        return (await store.searchArticles({ query: parsed.value, limit: 5 })).total;
      };
      assert.equal(await count('leopard'), 1);
      assert.equal(await count('himars'), 0);
      const [revision] = await store.listRevisions(outcome!.id);
      assert.equal(revision?.raw, draftFor('one').raw);
    });

    it('saves feed subscriptions idempotently', async (store) => {
      const feeds = [
        { xmlUrl: 'https://example.org/a.xml', title: 'A', provenance: { path: 'subs.opml' } },
        {
          xmlUrl: 'https://example.org/b.xml',
          category: 'Defence',
          provenance: { path: 'subs.opml' },
        },
      ];
      assert.deepEqual(await store.saveFeeds(feeds), { added: 2, unchanged: 0 });
      assert.deepEqual(await store.saveFeeds(feeds), { added: 0, unchanged: 2 });
      const listed = await store.listFeeds();
      assert.deepEqual(
        listed.map((f) => [f.xmlUrl, f.title, f.category]),
        [
          ['https://example.org/a.xml', 'A', undefined],
          ['https://example.org/b.xml', undefined, 'Defence'],
        ],
      );
    });

    it('keeps API tokens by hash, refuses a duplicate name, and revokes', async (store) => {
      const token = {
        name: 'ingest-bot',
        tokenHash: sha256Hex('secret-token'),
        scopes: ['write'],
        createdAt: '2025-01-01T00:00:00.000Z',
      };
      await store.saveApiToken(token);
      assert.deepEqual(await store.findApiToken(sha256Hex('secret-token')), token);
      assert.equal(await store.findApiToken(sha256Hex('wrong')), undefined);
      await assert.rejects(store.saveApiToken({ ...token, tokenHash: sha256Hex('other') }), {
        code: 'INVALID_ARGUMENT',
      });
      assert.deepEqual(
        (await store.listApiTokens()).map((t) => t.name),
        ['ingest-bot'],
      );
      assert.equal(await store.revokeApiToken('ingest-bot'), true);
      assert.equal(await store.revokeApiToken('ingest-bot'), false);
      assert.equal(await store.findApiToken(sha256Hex('secret-token')), undefined);
    });

    it("keeps a token's admin scope and expiry; a token without expiry has none", async (store) => {
      const expiring = {
        name: 'ops',
        tokenHash: sha256Hex('ops-token'),
        scopes: ['read', 'write', 'admin'],
        createdAt: '2025-01-01T00:00:00.000Z',
        expiresAt: '2025-02-01T00:00:00.000Z',
      };
      const forever = {
        name: 'reader',
        tokenHash: sha256Hex('reader-token'),
        scopes: ['read'],
        createdAt: '2025-01-01T00:00:00.000Z',
      };
      await store.saveApiToken(expiring);
      await store.saveApiToken(forever);
      assert.deepEqual(await store.findApiToken(sha256Hex('ops-token')), expiring);
      const found = await store.findApiToken(sha256Hex('reader-token'));
      assert.deepEqual(found, forever);
      assert.equal(found !== undefined && 'expiresAt' in found, false);
      assert.deepEqual(await store.listApiTokens(), [expiring, forever]);
    });

    it('counts articles by source, format and language', async (store) => {
      await store.saveArticles([
        draftFor('a'),
        draftFor('b', {
          source: 'Other Wire',
          language: 'fr',
          published: '2024-01-01T00:00:00.000Z',
        }),
      ]);
      const stats = await store.countStats();
      assert.equal(stats.articles, 2);
      assert.deepEqual(stats.bySource, { 'Example Wire': 1, 'Other Wire': 1 });
      assert.deepEqual(stats.byFormat, { jsonl: 2 });
      assert.deepEqual(stats.byLanguage, { en: 1, fr: 1 });
      assert.equal(stats.firstPublished, '2024-01-01T00:00:00.000Z');
      assert.equal(stats.lastPublished, '2025-03-04T10:00:00.000Z');
    });

    it('keeps its counts through new revisions, changed sources and missing values', async (store) => {
      await store.saveArticles([
        draftFor('a'),
        draftFor('b', { source: undefined, language: undefined }),
        draftFor('c', { source: 'Other Wire' }),
      ]);
      // A new revision of b gains a source; c moves to Example Wire and to French; one batch adds d.
      await store.saveArticles([
        draftFor('b', { text: 'Revised body of b.', source: 'Other Wire', language: undefined }),
        draftFor('c', { text: 'Revised body of c.', language: 'fr' }),
        draftFor('d', { format: 'rss', source: 'Other Wire' }),
      ]);
      const stats = await store.countStats();
      assert.equal(stats.articles, 4);
      assert.equal(stats.revisions, 6);
      assert.deepEqual(stats.bySource, { 'Example Wire': 2, 'Other Wire': 2 });
      assert.deepEqual(stats.byFormat, { jsonl: 3, rss: 1 });
      assert.deepEqual(stats.byLanguage, { en: 2, fr: 1, unknown: 1 });
      // The same answer as counting the articles themselves.
      const listed = (await store.listArticles({ limit: 10 })).items;
      const tally = (key: (a: (typeof listed)[number]) => string | undefined) =>
        listed.reduce<Record<string, number>>((acc, a) => {
          const k = key(a) ?? 'unknown';
          acc[k] = (acc[k] ?? 0) + 1;
          return acc;
        }, {});
      assert.deepEqual(
        stats.bySource,
        tally((a) => a.source),
      );
      assert.deepEqual(
        stats.byLanguage,
        tally((a) => a.language),
      );
    });
  });
};
