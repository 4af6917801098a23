import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ingestPaths } from '../../src/pipeline/ingest.js';
import { organiseSaved } from '../../src/pipeline/organise.js';
import { generateToken, hashToken } from '../../src/server/api-token.js';
import { createApp } from '../../src/server/create-app.js';
import { startServer, type RunningServer } from '../../src/server/serve.js';
import { openStore } from '../../src/store/open-store.js';
import type { ArticleStore } from '../../src/store/port.js';
import {
  FIXTURE_ARTICLES,
  fixtureDraft,
  fixtureEnrichment,
  IDS,
} from '../server/entity-fixture.js';

/**
 * Drives the real UI in Debian's Chromium (apt-get install chromium): search, narrow with a
 * facet, open an article from the keyboard, follow stories and syndicated copies, and check a
 * stored XSS attempt stays inert text. Screenshots go to test-artifacts/ui/.
 */
const CHROMIUM_CANDIDATES = [
  process.env['SITREP_CHROMIUM'],
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
];
const executablePath = CHROMIUM_CANDIDATES.find(
  (path): path is string => !!path && existsSync(path),
);
const SKIP = executablePath
  ? false
  : 'Chromium is not installed (apt-get install -y chromium, or set SITREP_CHROMIUM): browser test skipped';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SAMPLE = join(ROOT, 'examples', 'sample');
const ARTIFACTS = join(ROOT, 'test-artifacts', 'ui');

const XSS_TITLE = 'Hostile headline <script>window.__xss=1</script>';
const XSS_BODY =
  'A body that tries <img src=x onerror="window.__xss=1"> and <b onclick="window.__xss=1">bold</b> tricks.';
const XSS_ENTITY = '<img src=x onerror="window.__xss=1">';
const XSS_RECORD = {
  id: 'xss-attempt-1',
  url: 'javascript:window.__xss=1',
  title: XSS_TITLE,
  text: `${XSS_BODY}\n\nA second paragraph mentioning HIMARS so the search finds it.`,
  source: 'Hostile <em>Source</em>',
  published: '2025-03-20T10:00:00Z',
  language: 'en',
};

describe('web UI in Chromium', { skip: SKIP, timeout: 60_000 }, () => {
  let dir: string;
  let store: ArticleStore;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const fixtureIds = new Map<string, string>();

  const ready = async () => {
    await page.waitForSelector('body[data-ready="true"]', { timeout: 10_000 });
  };
  const goto = async (path: string) => {
    await page.goto(`${server.url}${path}`);
    await ready();
  };
  const shot = (name: string) =>
    page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  // String expressions: this file is type-checked without the DOM library.
  const xssFired = () => page.evaluate<number | undefined>('window.__xss');
  const focusedId = () => page.evaluate<string | undefined>('document.activeElement?.id');
  const texts = (selector: string) =>
    page.$$eval(selector, (nodes) => nodes.map((n) => n.textContent ?? ''));
  const focusedIsHit = () =>
    page.evaluate<boolean>("document.activeElement?.classList.contains('hit-link') ?? false");

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'sitrep-browser-'));
    store = await openStore(join(dir, 'ui.db'));
    await ingestPaths([SAMPLE], store);
    // Enriched articles with known entities, figures, quotes and relations for the entity pages.
    const drafts = FIXTURE_ARTICLES.map(fixtureDraft);
    const outcomes = await store.saveArticles(drafts);
    const entityIds = new Map<string, string[]>();
    for (const [i, article] of FIXTURE_ARTICLES.entries()) {
      const id = outcomes[i]?.id ?? '';
      fixtureIds.set(article.key, id);
      await store.saveEnrichment(id, fixtureEnrichment(article));
      entityIds.set(id, [...new Set(article.entities.map((e) => e[2]))]);
    }
    // Syndication and stories for them too, as ingest would do: the entity pages list their stories.
    await organiseSaved(store, drafts, outcomes, entityIds);
    const token = generateToken();
    await store.saveApiToken({
      name: 'test',
      tokenHash: hashToken(token),
      scopes: ['read', 'write'],
      createdAt: new Date().toISOString(),
    });
    const app = createApp({ store, auth: { readsOpen: true } });
    server = await startServer(app, { host: '127.0.0.1', port: 0 });
    // The hostile record goes in through the HTTP API, as a remote feeder would send it.
    const response = await fetch(`${server.url}/api/ingest`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify([XSS_RECORD]),
    });
    assert.equal(response.status, 200, await response.text());
    // Enrichment output is untrusted too: an entity name carrying markup.
    const hostile = (await store.listArticles({ limit: 1 })).items[0];
    assert.ok(hostile);
    const at = hostile.text.indexOf('HIMARS');
    const quoted = hostile.text.indexOf(XSS_ENTITY);
    assert.ok(quoted >= 0, 'the cleaned body keeps the markup as text');
    await store.saveEnrichment(hostile.id, {
      version: 'browser-test',
      entities: [
        { text: 'HIMARS', start: at, end: at + 6, type: 'WEAPON', id: 'x', name: XSS_ENTITY },
      ],
      countries: [],
      figures: [],
      // A quote whose text is markup, spoken by the hostile entity.
      quotes: [
        {
          text: XSS_ENTITY,
          start: quoted,
          end: quoted + XSS_ENTITY.length,
          kind: 'direct',
          speaker: XSS_ENTITY,
          speakerId: 'x',
          anonymous: false,
        },
      ],
      relations: [],
      document: null,
    });
    browser = await chromium.launch({
      executablePath: executablePath ?? '',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('overview page shows the archive counts', async () => {
    await goto('/');
    assert.match((await page.textContent('main h1')) ?? '', /Archive overview/);
    assert.match((await page.textContent('.summary')) ?? '', /^\d+ articles/);
    await shot('1-overview');
  });

  test('"/" focuses the search box; Enter searches; snippets are highlighted', async () => {
    await page.keyboard.press('/');
    assert.equal(await focusedId(), 'q');
    await page.keyboard.type('HIMARS');
    await Promise.all([page.waitForURL(/\/search\?q=HIMARS/), page.keyboard.press('Enter')]);
    await ready();
    const hits = await page.$$eval('.hit', (nodes) => nodes.length);
    assert.ok(hits >= 3, `expected several hits, got ${hits}`);
    const marks = await page.$$eval('.snippet mark', (nodes) =>
      nodes.map((n) => n.textContent ?? ''),
    );
    assert.ok(
      marks.length > 0 && marks.every((m) => /himars/i.test(m)),
      `marks: ${marks.join(', ')}`,
    );
    assert.ok(
      (await page.$$eval('.histogram rect', (n) => n.length)) > 0,
      'a month histogram is drawn',
    );
    await shot('2-search');
  });

  test('clicking a source facet narrows the hits to that source', async () => {
    const facet = page.locator('.facet[aria-label="Source"] .facet-value').first();
    const source = (await facet.getAttribute('data-value')) ?? '';
    const before = await page.$$eval('.hit', (nodes) => nodes.length);
    await Promise.all([page.waitForURL(/source%3A/), facet.click()]);
    await ready();
    const metas = await page.$$eval('.hit .meta', (nodes) => nodes.map((n) => n.textContent ?? ''));
    assert.ok(metas.length > 0 && metas.length <= before);
    assert.ok(
      metas.every((meta) => meta.startsWith(source)),
      `${source} vs ${metas.join(' | ')}`,
    );
    await shot('3-facet');
  });

  test('results are reachable with Tab and Enter opens the article', async () => {
    await goto('/search?q=HIMARS');
    let onHit = false;
    for (let i = 0; i < 60 && !onHit; i++) {
      await page.keyboard.press('Tab');
      onHit = await focusedIsHit();
    }
    assert.ok(onHit, 'a result link takes focus within 60 Tabs');
    await Promise.all([page.waitForURL(/\/articles\//), page.keyboard.press('Enter')]);
    await ready();
    assert.ok(
      (await page.$$eval('.article-text p', (n) => n.length)) > 0,
      'clean text in paragraphs',
    );
    const marks = await page.$$eval('.article-text mark.hl-match', (n) =>
      n.map((m) => m.textContent ?? ''),
    );
    assert.ok(marks.length > 0, 'the query is highlighted in the article');
    assert.ok(
      marks.every((m) => /^himars$/i.test(m)),
      `marks: ${marks.join(', ')}`,
    );
    assert.match((await page.textContent('.provenance')) ?? '', /From/);
    assert.ok(await page.$('.raw-link'), 'a link to the raw input');
    await shot('4-article');
  });

  test('a stored XSS attempt shows as text and never runs', async () => {
    await goto(`/search?q=${encodeURIComponent('tricks')}`);
    const href = (await page.getAttribute('.hit-link', 'href')) ?? '';
    const id = /\/articles\/([^?]+)/.exec(href)?.[1] ?? '';
    const stored = (await (await fetch(`${server.url}/api/articles/${id}`)).json()) as {
      article: { title: string };
    };
    // Whichever candidate cleaning keeps as the title, it carries markup that must stay text.
    assert.match(stored.article.title, /<(script|img)/);
    assert.equal(await page.textContent('.hit-link'), stored.article.title);
    await Promise.all([page.waitForURL(/\/articles\//), page.click('.hit-link')]);
    await ready();
    assert.equal(await page.textContent('#article-title'), stored.article.title);
    assert.match(
      (await page.textContent('.article-text')) ?? '',
      /<img src=x onerror="window\.__xss=1">/,
    );
    assert.equal(await page.$$eval('main script, main img, main b, main em', (n) => n.length), 0);
    // The javascript: URL is shown, never made a link.
    assert.equal(await page.$$eval('a[href^="javascript:"]', (n) => n.length), 0);
    assert.equal(await xssFired(), undefined);
    assert.match((await page.textContent('.enrichment')) ?? '', /<img src=x onerror=/);
    assert.equal(
      await page.getAttribute('.article-text mark.hl-entity', 'title'),
      `${XSS_ENTITY} (WEAPON)`,
    );
    assert.equal(await page.textContent('.article-text mark.hl-quote'), XSS_ENTITY);
    assert.equal(await page.textContent('.article-quotes .quote-text'), XSS_ENTITY);
    await shot('5-xss-article');
    assert.deepEqual(pageErrors, []);
  });
  test('the article page highlights figures and quotes with a legend; entities link to their pages', async () => {
    await goto(`/articles/${fixtureIds.get('warsaw') ?? ''}`);
    assert.deepEqual(await texts('.legend mark'), ['Entity (opens its page)', 'Figure', 'Quote']);
    assert.deepEqual(await texts('.article-text mark.hl-figure'), ['48', '$10 billion']);
    assert.deepEqual(await texts('.article-text mark.hl-quote'), [
      'Poland will defend every inch,',
    ]);
    // The entity inside the quote is nested in it, not dropped.
    assert.deepEqual(await texts('mark.hl-quote a.entity-link'), ['Poland']);
    assert.match((await page.textContent('.relations')) ?? '', /-NOT buys_from->/);
    await shot('6-article-facts');
    const poland = page.locator('.article-text a.entity-link', { hasText: 'Poland' }).first();
    await Promise.all([page.waitForURL(/\/entities\//), poland.click()]);
    await ready();
    assert.equal(await page.textContent('#entity-name'), 'Poland');
    assert.match((await page.textContent('.meta-list')) ?? '', /KB id\s*kb:pl/);
  });

  test('the entity page draws mentions by month and lists quotes, relations and figures', async () => {
    await goto(`/entities/${encodeURIComponent(IDS.poland)}`);
    const bars = await page.$$eval('.timeline-chart rect.bar', (nodes) =>
      nodes.map((n) => [n.getAttribute('data-month'), n.getAttribute('data-count')]),
    );
    assert.deepEqual(bars, [
      ['2025-03', '1'],
      ['2025-04', '1'],
    ]);
    assert.deepEqual((await texts('.quotes-about .quote-text')).sort(), [
      'Deliveries start next year,',
      'Poland will defend every inch,',
    ]);
    assert.equal(await page.$$eval('.relation.negated', (n) => n.length), 1);
    assert.deepEqual((await texts('.figures .figure-text')).sort(), ['$10 billion', '48', '96']);
    const mentioned = await texts('.cooccurring a');
    assert.ok(
      mentioned.includes('HIMARS') && mentioned.includes('Lockheed Martin'),
      mentioned.join(),
    );
    assert.equal(await page.$$eval('.related .hit', (n) => n.length), 2);
    await shot('7-entity');

    // Keyboard: Tab to a quote, Enter opens the article with the quote marked and focused.
    let onQuote = false;
    for (let i = 0; i < 80 && !onQuote; i++) {
      await page.keyboard.press('Tab');
      onQuote = await page.evaluate<boolean>(
        "document.activeElement?.classList.contains('quote-link') ?? false",
      );
    }
    assert.ok(onQuote, 'a quote link takes focus within 80 Tabs');
    const quote = await page.evaluate<string>('document.activeElement.textContent');
    await Promise.all([
      page.waitForURL(/\/articles\/.+#at-\d+-\d+$/),
      page.keyboard.press('Enter'),
    ]);
    await ready();
    assert.equal(await focusedId(), 'evidence');
    assert.equal(await page.textContent('#evidence'), quote);
  });

  test('the entities index lists top entities by type', async () => {
    await goto('/entities');
    const groups = await texts('.entity-group h2');
    for (const type of ['GPE', 'WEAPON', 'PERSON', 'ORG'])
      assert.ok(groups.includes(type), groups.join());
    await Promise.all([
      page.waitForURL(/\/entities\/kb%3Ahimars$/),
      page.locator('.entity-group a.entity-ref', { hasText: 'HIMARS' }).first().click(),
    ]);
    await ready();
    assert.equal(await page.textContent('#entity-name'), 'HIMARS');
    await goto('/entities?type=PERSON');
    assert.deepEqual(await texts('.entity-ranking a'), ['Wladyslaw Kosiniak-Kamysz']);
    await shot('8-entities');
  });

  test('a hostile entity name and quote stay text on the entity page', async () => {
    await goto('/entities/x');
    assert.equal(await page.textContent('#entity-name'), XSS_ENTITY);
    assert.deepEqual(await texts('.quotes-by .quote-text'), [XSS_ENTITY]);
    assert.equal(await page.$$eval('main img, main script', (n) => n.length), 0);
    assert.equal(await xssFired(), undefined);
    await shot('9-xss-entity');
    assert.deepEqual(pageErrors, []);
  });

  const apiGet = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${server.url}${path}`);
    assert.equal(response.status, 200, path);
    return (await response.json()) as T;
  };
  const tabUntil = async (className: string, most: number): Promise<boolean> => {
    for (let i = 0; i < most; i++) {
      await page.keyboard.press('Tab');
      const on = await page.evaluate<boolean>(
        `document.activeElement?.classList.contains(${JSON.stringify(className)}) ?? false`,
      );
      if (on) return true;
    }
    return false;
  };
  interface StoryDetail {
    id: string;
    title: string;
    article_count: number;
    sources: string[];
    timeline: {
      article_id: string;
      day: string | null;
      syndication: { of: string | null } | null;
    }[];
  }

  test('from the search page a story link opens the story timeline, by keyboard', async () => {
    await goto(`/search?q=${encodeURIComponent('"Storm Shadow"')}`);
    assert.ok(await tabUntil('story-link', 80), 'a story link takes focus within 80 Tabs');
    const href = await page.evaluate<string>("document.activeElement.getAttribute('href')");
    await Promise.all([page.waitForURL(/\/stories\/story-/), page.keyboard.press('Enter')]);
    await ready();
    const story = await apiGet<StoryDetail>(`/api${href}`);
    assert.equal(await page.textContent('#story-title'), story.title);
    assert.equal(await page.$$eval('.timeline-item', (n) => n.length), story.article_count);
    const days = [...new Set(story.timeline.map((t) => t.day ?? 'Undated'))];
    assert.deepEqual(await texts('.timeline-day h3'), days);
    const meta = (await page.textContent('.meta-list')) ?? '';
    for (const source of story.sources) assert.ok(meta.includes(source), source);
    const copies = story.timeline.filter((t) => t.syndication?.of);
    assert.equal(copies.length, 1, 'the syndicated copy sits in this story');
    assert.equal(await page.$$eval('.timeline-item .copy-note', (n) => n.length), 1);
    await shot('10-story');
  });

  test('the article page links its story and its copy; Enter on the copy opens it', async () => {
    const [group] = (await store.nearDuplicates?.listGroups()) ?? [];
    assert.ok(group, 'the sample holds a syndicated copy');
    const copyId = group.members[0]?.id ?? '';
    const canonical = await apiGet<{ article: { title: string }; story: { id: string } }>(
      `/api/articles/${group.canonical}`,
    );
    await goto(`/articles/${group.canonical}`);
    assert.equal(
      await page.getAttribute('.coverage .story-link', 'href'),
      `/stories/${canonical.story.id}`,
    );
    assert.ok(await tabUntil('copy-link', 60), 'the copy link takes focus within 60 Tabs');
    await shot('11-article-copies');
    await Promise.all([page.waitForURL(`**/articles/${copyId}`), page.keyboard.press('Enter')]);
    await ready();
    assert.equal(
      await page.getAttribute('.coverage .canonical-link', 'href'),
      `/articles/${group.canonical}`,
    );
    assert.equal(await page.textContent('.coverage .canonical-link'), canonical.article.title);
    assert.match((await page.textContent('.coverage-copy')) ?? '', /copy \(\d+% shared/);
    await shot('12-copy');
  });

  test('the Stories page lists stories, filters by title and keeps a hostile title as text', async () => {
    await goto('/');
    await Promise.all([page.waitForURL(/\/stories$/), page.click('nav a[href="/stories"]')]);
    await ready();
    const several = await apiGet<{ items: { title: string }[] }>(
      '/api/stories?limit=20&min_articles=2',
    );
    assert.deepEqual(
      await texts('.story-item .story-ref'),
      several.items.map((s) => s.title),
    );
    // Single-article stories (the hostile record opened one) are one link away.
    await Promise.all([page.waitForURL(/all=1/), page.click('a.all-stories')]);
    await ready();
    const all = await apiGet<{ items: { title: string }[] }>('/api/stories?limit=20');
    assert.ok(all.items.length > several.items.length);
    assert.deepEqual(
      await texts('.story-item .story-ref'),
      all.items.map((s) => s.title),
    );
    const hostile = all.items.find((s) => /<(script|img)/.test(s.title));
    assert.ok(hostile, 'the hostile article opened a story of its own');
    assert.ok((await texts('.story-item .story-ref')).includes(hostile.title));
    assert.equal(await page.$$eval('main script, main img, main em', (n) => n.length), 0);
    assert.equal(await xssFired(), undefined);
    await shot('13-stories');
    await page.fill('#story-filter', 'storm');
    await Promise.all([
      page.waitForURL(/\/stories\?q=storm/),
      page.press('#story-filter', 'Enter'),
    ]);
    await ready();
    const titles = await texts('.story-item .story-ref');
    assert.ok(titles.length > 0 && titles.every((t) => /storm/i.test(t)), titles.join(' | '));
    assert.deepEqual(pageErrors, []);
  });

  test('the entity page lists the stories of its articles', async () => {
    const expected = new Set<string>();
    for (const key of ['warsaw', 'apache']) {
      const body = await apiGet<{ story: { id: string } | null }>(
        `/api/articles/${fixtureIds.get(key) ?? ''}`,
      );
      assert.ok(body.story, `${key} is in a story`);
      expected.add(`/stories/${body.story.id}`);
    }
    await goto(`/entities/${encodeURIComponent(IDS.poland)}`);
    const links = await page.$$eval('.related-stories a.story-ref', (nodes) =>
      nodes.map((n) => n.getAttribute('href') ?? ''),
    );
    assert.deepEqual(new Set(links), expected);
    await shot('14-entity-stories');
  });
});
