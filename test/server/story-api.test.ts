import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadEnricher } from '../../src/pipeline/enricher.js';
import { ingestPaths } from '../../src/pipeline/ingest.js';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/create-app.js';
import { openStore } from '../../src/store/open-store.js';
import type { ArticleStore } from '../../src/store/port.js';
import { createTestSchema, skipUnlessPostgres } from '../../src/store/postgres/test-database.js';
import { repoPath } from '../shared-data.js';
import { createTestServer } from './test-server.js';

interface Story {
  id: string;
  title: string;
  first_seen: string | null;
  last_seen: string | null;
  sources: string[];
  article_count: number;
  links: { page: string; api: string };
}
interface StoryPage {
  items: Story[];
  next_cursor: string | null;
  entity_scan?: { articles_scanned: number; articles_total: number };
}
interface StoryDetail extends Story {
  timeline: {
    article_id: string;
    published: string | null;
    day: string | null;
    source: string | null;
    title: string | null;
    similarity: number;
    syndication: { status: string; of: string | null } | null;
  }[];
  top_entities: { id: string; name: string; type: string; articles: number }[];
  entities_from: number;
}
interface ArticleRef {
  id: string;
  title: string | null;
  source: string | null;
  published: string | null;
}
interface ArticleBody {
  article: { id: string; title?: string; published?: string };
  syndication: {
    status: string;
    of: string | null;
    similarity: number;
    reasons: string[];
    canonical: ArticleRef | null;
    copies: (ArticleRef & { similarity: number; reasons: string[] })[];
    copy_count: number;
  } | null;
  story: Story | null;
}
interface ErrorBody {
  error: { code: string; message: string };
}

type Backend = 'sqlite' | 'postgres';

interface StoryServer {
  readonly app: Hono;
  readonly store: ArticleStore;
  readonly errors: unknown[];
  close(): Promise<void>;
}

const openServer = async (backend: Backend): Promise<StoryServer> => {
  if (backend === 'sqlite') return createTestServer({ readsOpen: true });
  const schema = createTestSchema('stories');
  const store = await openStore(schema.url);
  const errors: unknown[] = [];
  const app = createApp({ store, auth: { readsOpen: true }, logError: (e) => errors.push(e) });
  return {
    app,
    store,
    errors,
    close: async () => {
      await store.close();
      await schema.drop();
    },
  };
};

/** The sample corpus through the real pipeline (enrichment, syndication, stories), per backend. */
const storySuite = (backend: Backend) =>
  describe(
    `story and syndication endpoints (${backend})`,
    {
      skip: backend === 'postgres' ? skipUnlessPostgres : false,
    },
    () => {
      let server: StoryServer;
      let canonicalId: string;
      let copyId: string;
      const get = async <T>(path: string, status = 200): Promise<T> => {
        const response = await server.app.request(path);
        const body = (await response.json()) as T;
        assert.equal(response.status, status, `${path}: ${JSON.stringify(body)}`);
        return body;
      };
      const allStories = async (path: string): Promise<Story[]> => {
        const stories: Story[] = [];
        let cursor: string | null = null;
        do {
          const sep = path.includes('?') ? '&' : '?';
          const page: StoryPage = await get<StoryPage>(
            cursor ? `${path}${sep}cursor=${encodeURIComponent(cursor)}` : path,
          );
          assert.ok(
            page.items.length > 0 || cursor === null,
            'a cursor never leads to an empty page',
          );
          stories.push(...page.items);
          cursor = page.next_cursor;
        } while (cursor);
        return stories;
      };

      before(async () => {
        server = await openServer(backend);
        const summary = await ingestPaths([repoPath('examples/sample')], server.store, {
          enricher: await loadEnricher(),
        });
        assert.equal(summary.copies, 1, 'the sample holds one syndicated copy');
        const groups = (await server.store.nearDuplicates?.listGroups()) ?? [];
        assert.equal(groups.length, 1);
        canonicalId = groups[0]!.canonical;
        copyId = groups[0]!.members[0]!.id;
      });
      after(() => server.close());

      test('GET /api/stories pages through every story once, most recently seen first', async () => {
        const paged = await allStories('/api/stories?limit=2');
        const stored = (await server.store.stories!.listStories()).map((s) => s.id);
        assert.deepEqual(
          paged.map((s) => s.id),
          stored,
        );
        for (const [i, story] of paged.entries()) {
          const previous = paged[i - 1];
          if (previous) assert.ok((previous.last_seen ?? '') >= (story.last_seen ?? ''), story.id);
          assert.equal(story.links.page, `/stories/${story.id}`);
        }
        const several = await allStories('/api/stories?min_articles=2&limit=3');
        assert.deepEqual(
          several.map((s) => s.id),
          paged.filter((s) => s.article_count >= 2).map((s) => s.id),
        );
        assert.equal(several.length, 7, 'the sample holds seven multi-day stories');
      });

      test('q keeps stories whose title holds it, case-insensitively', async () => {
        const matching = await allStories('/api/stories?q=STORM%20shadow');
        assert.ok(matching.length >= 1);
        for (const story of matching) assert.match(story.title, /storm shadow/i);
        const none = await get<StoryPage>('/api/stories?q=no-such-title-anywhere');
        assert.deepEqual(none, { items: [], next_cursor: null });
      });

      test('GET /api/stories/:id gives the timeline by time with days, sources and entities', async () => {
        for (const story of await allStories('/api/stories?limit=100')) {
          const detail = await get<StoryDetail>(story.links.api);
          assert.equal(detail.title, story.title);
          assert.equal(detail.timeline.length, story.article_count, story.title);
          const times = detail.timeline.map((t) =>
            t.published ? Date.parse(t.published) : Infinity,
          );
          assert.deepEqual(
            times,
            [...times].sort((a, b) => a - b),
            `${story.title}: in time order`,
          );
          for (const entry of detail.timeline) {
            if (entry.source) assert.ok(detail.sources.includes(entry.source), entry.source);
            assert.equal(
              entry.day,
              entry.published ? new Date(entry.published).toISOString().slice(0, 10) : null,
            );
            assert.ok(entry.syndication, 'every sample article has a syndication decision');
          }
          assert.equal(detail.entities_from, story.article_count, 'every article was enriched');
          const counts = detail.top_entities.map((e) => e.articles);
          assert.deepEqual(
            counts,
            [...counts].sort((a, b) => b - a),
          );
          assert.ok(counts.every((n) => n >= 1 && n <= story.article_count));
        }
      });

      test('an article names its story, its canonical and its copies', async () => {
        const copy = await get<ArticleBody>(`/api/articles/${copyId}`);
        assert.ok(copy.syndication);
        assert.match(copy.syndication.status, /^(near-)?duplicate$/);
        assert.equal(copy.syndication.of, canonicalId);
        assert.equal(copy.syndication.canonical?.id, canonicalId);
        assert.match(copy.syndication.canonical?.title ?? '', /Storm Shadow/);
        assert.ok(copy.syndication.similarity >= 0.85);
        assert.deepEqual(copy.syndication.copies, [], 'the only copy has no siblings');

        const original = await get<ArticleBody>(`/api/articles/${canonicalId}`);
        assert.ok(original.syndication);
        assert.equal(original.syndication.status, 'original');
        assert.equal(original.syndication.of, null);
        assert.equal(original.syndication.canonical, null);
        assert.deepEqual(
          original.syndication.copies.map((c) => [c.id, c.similarity]),
          [[copyId, copy.syndication.similarity]],
        );
        assert.equal(original.syndication.copy_count, 1);
        assert.ok(
          Date.parse(original.article.published ?? '') <
            Date.parse(original.syndication.copies[0]?.published ?? ''),
          'the canonical is the earlier article',
        );

        // Both sit in one story, whose timeline marks the copy.
        assert.ok(original.story && copy.story);
        assert.equal(copy.story.id, original.story.id);
        const story = await get<StoryDetail>(original.story.links.api);
        const entry = story.timeline.find((t) => t.article_id === copyId);
        assert.deepEqual(entry?.syndication, { status: copy.syndication.status, of: canonicalId });
      });

      test('search folds a syndicated copy into its canonical unless asked to show copies', async () => {
        type Hits = { total: number; hits: { id: string; copies?: number }[] };
        const q = encodeURIComponent('"Storm Shadow"');
        const collapsed = await get<Hits>(`/api/search?q=${q}`);
        const shown = await get<Hits>(`/api/search?q=${q}&copies=show`);
        const canonical = collapsed.hits.find((hit) => hit.id === canonicalId);
        assert.equal(canonical?.copies, 1);
        assert.equal(
          collapsed.hits.some((hit) => hit.id === copyId),
          false,
        );
        assert.ok(shown.hits.some((hit) => hit.id === copyId));
        assert.equal(shown.total, collapsed.total + 1);
        assert.ok(shown.hits.every((hit) => hit.copies === undefined));
        await get(`/api/search?q=${q}&copies=some`, 400);
      });

      test('search hits carry their story', async () => {
        const body = await get<{ hits: { id: string; story: { id: string } | null }[] }>(
          `/api/search?q=${encodeURIComponent('"Storm Shadow"')}`,
        );
        assert.ok(body.hits.length >= 2);
        for (const hit of body.hits) {
          const article = await get<ArticleBody>(`/api/articles/${hit.id}`);
          assert.equal(hit.story?.id, article.story?.id, hit.id);
        }
      });

      test('an entity lists the stories holding its articles; /api/stories?entity= filters by it', async () => {
        const article = await get<ArticleBody>(`/api/articles/${canonicalId}`);
        const story = await get<StoryDetail>(article.story!.links.api);
        const top = story.top_entities[0];
        assert.ok(top, 'the story has entities');
        const entity = await get<{
          related_stories: (Story & { entity_articles: number })[] | null;
        }>(`/api/entities/${encodeURIComponent(top.id)}`);
        const related = entity.related_stories?.find((s) => s.id === story.id);
        // Counted from the search index here and from stored enrichment on the story: they must agree.
        assert.equal(related?.entity_articles, top.articles);
        const filtered = await allStories(`/api/stories?entity=${encodeURIComponent(top.id)}`);
        assert.ok(filtered.some((s) => s.id === story.id));
        assert.deepEqual(
          filtered.map((s) => s.id).sort(),
          (entity.related_stories ?? []).map((s) => s.id).sort(),
        );
        const page = await get<StoryPage>(`/api/stories?entity=${encodeURIComponent(top.id)}`);
        assert.ok((page.entity_scan?.articles_scanned ?? 0) >= top.articles);
      });

      test('bad ids, cursors and limits are 400s; an unknown story is a 404', async () => {
        const missing = await get<ErrorBody>('/api/stories/story-nope', 404);
        assert.deepEqual(missing.error, {
          code: 'NOT_FOUND',
          message: 'no story with id "story-nope"',
        });
        assert.equal(
          (await get<ErrorBody>('/api/stories/bad%20id', 400)).error.code,
          'INVALID_ARGUMENT',
        );
        const cursor = await get<ErrorBody>('/api/stories?cursor=not-a-cursor', 400);
        assert.equal(cursor.error.code, 'INVALID_ARGUMENT');
        assert.match(cursor.error.message, /cursor/);
        assert.equal(
          (await get<ErrorBody>('/api/stories?limit=0', 400)).error.code,
          'INVALID_ARGUMENT',
        );
        assert.deepEqual(server.errors, []);
      });

      test('a store without story and syndication indexes answers 501 for stories, null elsewhere', async () => {
        // The port makes both indexes optional: the same store, without them.
        const hidden = new Set<PropertyKey>(['stories', 'nearDuplicates']);
        const bare = new Proxy(server.store, {
          get: (target, key) => {
            if (hidden.has(key)) return undefined;
            const value: unknown = Reflect.get(target, key, target);
            return typeof value === 'function' ? value.bind(target) : value;
          },
        }) as ArticleStore;
        const errors: unknown[] = [];
        const app = createApp({
          store: bare,
          auth: { readsOpen: true },
          logError: (e) => errors.push(e),
        });
        for (const path of ['/api/stories', '/api/stories/story-x']) {
          const response = await app.request(path);
          assert.equal(response.status, 501, path);
          const body = (await response.json()) as ErrorBody;
          assert.equal(body.error.code, 'NOT_SUPPORTED_BY_BACKEND');
          assert.match(body.error.message, new RegExp(`${backend} store has no story index`));
        }
        const article = (await (
          await app.request(`/api/articles/${copyId}`)
        ).json()) as ArticleBody;
        assert.equal(article.article.id, copyId);
        assert.equal(article.syndication, null);
        assert.equal(article.story, null);
        const search = (await (await app.request('/api/search?q=Storm')).json()) as {
          hits: { story: unknown }[];
        };
        assert.ok(search.hits.length > 0 && search.hits.every((h) => h.story === null));
        assert.deepEqual(errors, []);
      });
    },
  );

storySuite('sqlite');
storySuite('postgres');
