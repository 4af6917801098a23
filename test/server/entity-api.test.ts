import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestServer, type TestServer } from './test-server.js';
import { FIXTURE_ARTICLES, fixtureDraft, fixtureEnrichment, IDS } from './entity-fixture.js';

interface Entity {
  id: string;
  name: string;
  type: string;
  articles: number;
  mentions: number;
}
interface Fact {
  articleId: string;
  articleTitle?: string;
  start: number;
  end: number;
}
interface Quote extends Fact {
  text: string;
  speakerId?: string;
}
interface Figure extends Fact {
  text: string;
  kind: string;
  unit: string;
}
interface Relation extends Fact {
  subjectId: string;
  predicate: string;
  objectId: string;
  negated: boolean;
}
interface FactPage<T> {
  items: T[];
  next_cursor: string | null;
}
interface EntityBody {
  entity: Entity;
  timeline: { month: string; articles: number }[];
  cooccurring: { id: string; together: number }[];
  quotes_by: Quote[];
  quotes_about: Quote[];
  relations: Relation[];
  figures: Figure[];
  links: Record<string, string>;
}

describe('entity and fact endpoints', () => {
  let server: TestServer;
  const articleIds = new Map<string, string>();
  const get = async <T>(path: string, status = 200): Promise<T> => {
    const response = await server.app.request(path);
    const body = (await response.json()) as T;
    assert.equal(response.status, status, `${path}: ${JSON.stringify(body)}`);
    return body;
  };
  const entityPath = (id: string) => `/api/entities/${encodeURIComponent(id)}`;

  before(async () => {
    server = await createTestServer({ readsOpen: true });
    const outcomes = await server.store.saveArticles(FIXTURE_ARTICLES.map(fixtureDraft));
    for (const [i, article] of FIXTURE_ARTICLES.entries()) {
      const id = outcomes[i]?.id ?? '';
      articleIds.set(article.key, id);
      await server.store.saveEnrichment(id, fixtureEnrichment(article));
    }
  });
  after(() => server.close());

  test('GET /api/entities ranks by articles and filters by type and name prefix', async () => {
    const all = await get<{ items: Entity[] }>('/api/entities');
    assert.deepEqual(
      all.items.slice(0, 2).map((e) => [e.id, e.articles]),
      [
        [IDS.himars, 3],
        [IDS.poland, 2],
      ],
    );
    assert.equal(all.items.find((e) => e.id === IDS.poland)?.mentions, 5);
    const people = await get<{ items: Entity[] }>('/api/entities?type=PERSON');
    assert.deepEqual(
      people.items.map((e) => e.id),
      [IDS.minister],
    );
    const prefixed = await get<{ items: Entity[] }>('/api/entities?prefix=lock');
    assert.deepEqual(
      prefixed.items.map((e) => e.name),
      ['Lockheed Martin'],
    );
    assert.equal((await get<{ items: Entity[] }>('/api/entities?limit=1')).items.length, 1);
    const bad = await get<{ error: { code: string; message: string } }>(
      '/api/entities?limit=0',
      400,
    );
    assert.equal(bad.error.code, 'INVALID_ARGUMENT');
    assert.match(bad.error.message, /limit/);
  });

  test('GET /api/entities/:id gives the timeline, co-occurring entities and facts', async () => {
    const body = await get<EntityBody>(entityPath(IDS.poland));
    assert.deepEqual(
      [body.entity.name, body.entity.type, body.entity.articles],
      ['Poland', 'GPE', 2],
    );
    assert.deepEqual(body.timeline, [
      { month: '2025-03', articles: 1 },
      { month: '2025-04', articles: 1 },
    ]);
    const together = new Map(body.cooccurring.map((c) => [c.id, c.together]));
    assert.equal(together.get(IDS.himars), 2);
    assert.equal(together.get(IDS.minister), 2);
    assert.equal(together.has(IDS.estonia), false);
    assert.equal(together.has(IDS.poland), false, 'an entity does not co-occur with itself');
    assert.deepEqual(body.quotes_by, []);
    assert.deepEqual(body.quotes_about.map((q) => q.text).sort(), [
      'Deliveries start next year,',
      'Poland will defend every inch,',
    ]);
    assert.deepEqual(
      body.relations.map((r) => [r.subjectId, r.predicate, r.objectId, r.negated]).sort(),
      [
        [IDS.poland, 'buys_from', IDS.lockheed, true],
        [IDS.lockheed, 'supplies', IDS.poland, false],
      ],
    );
    assert.deepEqual(body.figures.map((f) => f.text).sort(), ['$10 billion', '48', '96']);
    // Each fact keeps the article and offsets it came from.
    const warsaw = articleIds.get('warsaw') ?? '';
    const fig = body.figures.find((f) => f.text === '48');
    assert.equal(fig?.articleId, warsaw);
    assert.equal(FIXTURE_ARTICLES[0]?.text.slice(fig?.start, fig?.end), '48');

    const search = await get<{ total: number }>(body.links['search'] ?? '');
    assert.equal(search.total, 2);
    assert.equal(body.links['page'], `/entities/${encodeURIComponent(IDS.poland)}`);
  });

  test('an entity is found by an id holding "/" and ":", or by its exact name', async () => {
    const byId = await get<EntityBody>(entityPath(IDS.lockheed));
    assert.equal(byId.entity.name, 'Lockheed Martin');
    const byName = await get<EntityBody>(entityPath('lockheed martin'));
    assert.equal(byName.entity.id, IDS.lockheed);
    const person = await get<EntityBody>(entityPath(IDS.minister));
    assert.deepEqual(person.quotes_by.map((q) => q.text).sort(), [
      'Deliveries start next year,',
      'Poland will defend every inch,',
    ]);
    assert.ok(person.quotes_by.every((q) => q.speakerId === IDS.minister));
    assert.ok(
      person.quotes_about.every((q) => q.speakerId !== IDS.minister),
      'quotes about it leave out its own',
    );
  });

  test('an unknown entity is a 404 with the error body; a bad id is a 400', async () => {
    const missing = await get<{ error: { code: string; message: string } }>(
      entityPath('kb:nowhere'),
      404,
    );
    assert.equal(missing.error.code, 'NOT_FOUND');
    assert.match(missing.error.message, /kb:nowhere/);
    const bad = await get<{ error: { code: string } }>(entityPath('a\u0001b'), 400);
    assert.equal(bad.error.code, 'INVALID_ARGUMENT');
  });

  test('GET /api/figures filters by entity, kind and unit and pages with a cursor', async () => {
    const launchers = await get<FactPage<Figure>>('/api/figures?unit=launchers');
    assert.deepEqual(launchers.items.map((f) => f.text).sort(), ['48', '6']);
    const money = await get<FactPage<Figure>>('/api/figures?kind=money');
    assert.deepEqual(
      money.items.map((f) => [f.text, f.unit]),
      [['$10 billion', 'USD']],
    );
    const estonia = await get<FactPage<Figure>>(
      `/api/figures?entity=${encodeURIComponent(IDS.estonia)}`,
    );
    assert.deepEqual(
      estonia.items.map((f) => f.text),
      ['6'],
    );
    const seen: string[] = [];
    let cursor: string | null = '';
    for (let i = 0; i < 10 && cursor !== null; i++) {
      const page: FactPage<Figure> = await get<FactPage<Figure>>(
        `/api/figures?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      assert.ok(page.items.length <= 1);
      seen.push(...page.items.map((f) => `${f.articleId}:${f.start}`));
      cursor = page.next_cursor;
    }
    assert.equal(cursor, null, 'paging ends');
    assert.equal(new Set(seen).size, 4, `every figure once: ${seen.join(', ')}`);
    assert.equal(seen.length, 4);
    assert.equal(
      (await get<{ error: { code: string } }>('/api/figures?limit=500', 400)).error.code,
      'INVALID_ARGUMENT',
    );
  });

  test('GET /api/quotes by speaker and by entity', async () => {
    const by = await get<FactPage<Quote>>(
      `/api/quotes?speaker=${encodeURIComponent(IDS.minister)}`,
    );
    assert.equal(by.items.length, 2);
    assert.ok(by.items.every((q) => q.speakerId === IDS.minister));
    // Newest article first.
    assert.equal(by.items[0]?.articleId, articleIds.get('apache'));
    const near = await get<FactPage<Quote>>(
      `/api/quotes?entity=${encodeURIComponent(IDS.estonia)}`,
    );
    assert.deepEqual(
      near.items.map((q) => q.text),
      ['a new era'],
    );
    assert.equal((await get<FactPage<Quote>>('/api/quotes')).items.length, 3);
  });

  test('GET /api/relations by entity and predicate', async () => {
    const all = await get<FactPage<Relation>>(
      `/api/relations?entity=${encodeURIComponent(IDS.lockheed)}`,
    );
    assert.equal(all.items.length, 2);
    const negated = await get<FactPage<Relation>>('/api/relations?predicate=buys_from');
    assert.deepEqual(
      negated.items.map((r) => [r.subjectId, r.objectId, r.negated]),
      [[IDS.poland, IDS.lockheed, true]],
    );
    assert.deepEqual((await get<FactPage<Relation>>('/api/relations?predicate=sells')).items, []);
  });

  test('the article endpoint marks figures and quotes, nesting entities inside quotes', async () => {
    const id = articleIds.get('warsaw') ?? '';
    const body = await get<{
      article: { text: string };
      highlights: { start: number; end: number; kind: string; type?: string; entityId?: string }[];
      figures: Figure[];
      quotes: Quote[];
      relations: Relation[];
    }>(`/api/articles/${id}`);
    const text = body.article.text;
    const marks = body.highlights.map((h) => [
      h.kind,
      text.slice(h.start, h.end),
      h.entityId ?? null,
    ]);
    assert.deepEqual(marks.slice(0, 5), [
      ['entity', 'Poland', IDS.poland],
      ['figure', '48', null],
      ['entity', 'HIMARS', IDS.himars],
      ['figure', '$10 billion', null],
      // The quote comes before the entity it holds, so a client can nest them.
      ['quote', 'Poland will defend every inch,', IDS.minister],
    ]);
    assert.deepEqual(marks[5], ['entity', 'Poland', IDS.poland]);
    assert.deepEqual(
      body.figures.map((f) => f.text),
      ['48', '$10 billion'],
    );
    assert.equal(body.quotes[0]?.speakerId, IDS.minister);
    assert.equal(body.relations[0]?.negated, true);
  });

  test('facts whose offsets no longer fit the text are not marked', async () => {
    const article = FIXTURE_ARTICLES[2];
    assert.ok(article);
    const id = articleIds.get(article.key) ?? '';
    const enrichment = fixtureEnrichment(article);
    await server.store.saveEnrichment(id, {
      ...enrichment,
      figures: [
        ...enrichment.figures,
        { text: '999', start: 0, end: 3, kind: 'count', value: 999, unit: '' },
      ],
      quotes: [
        ...enrichment.quotes,
        { text: 'gone', start: 5, end: 9, kind: 'direct', anonymous: true },
      ],
    });
    const body = await get<{ highlights: { kind: string }[]; figures: Figure[]; quotes: Quote[] }>(
      `/api/articles/${id}`,
    );
    assert.deepEqual(
      body.figures.map((f) => f.text),
      ['6'],
    );
    assert.deepEqual(
      body.quotes.map((q) => q.text),
      ['a new era'],
    );
    assert.equal(
      body.highlights.filter((h) => h.kind === 'figure' || h.kind === 'quote').length,
      2,
    );
  });
});
