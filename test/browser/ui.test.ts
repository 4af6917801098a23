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
import { XSS_PAYLOADS, XSS_URLS } from './xss-corpus.js';

/**
 * Drives the real UI in Debian's Chromium (apt-get install chromium) through playwright-core:
 * every view, keyboard use, an XSS corpus stored in every field, console errors, CSP violations
 * and unlabelled controls. Screenshots of every view at 1400 and 390 px go to test-artifacts/ui/.
 */
const CHROMIUM_CANDIDATES = [
  process.env['SITREP_CHROMIUM'],
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
];
const executablePath = CHROMIUM_CANDIDATES.find(
  (path): path is string => !!path && existsSync(path),
);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUNDLE = join(ROOT, 'dist', 'ui', 'app.js');
const SKIP = !executablePath
  ? 'Chromium is not installed (apt-get install -y chromium, or set SITREP_CHROMIUM): browser test skipped'
  : !existsSync(BUNDLE)
    ? 'the UI bundle is not built (npm run build): browser test skipped'
    : false;

const SAMPLE = join(ROOT, 'examples', 'sample');
const ARTIFACTS = join(ROOT, 'test-artifacts', 'ui');
const WIDTHS = [1400, 390] as const;

/** Page-side checks, as strings: this file is type-checked without the DOM library. */
const INJECTED_ELEMENTS =
  "[...document.querySelectorAll('main script, main img, main iframe, main object, main embed, main video, main audio, main details:not(.copies), main marquee, main math, main template, main xmp, main style, main base, main link, main meta, main textarea, main svg:not(.bar-chart):not(.sparkline), main [autofocus], main [onerror], main [onload], main [onfocus], main [style]:not(.brush-chart [style]):not(.graph-canvas):not(.graph-canvas [style])')].map((e) => e.outerHTML.slice(0, 80))";
const UNSAFE_LINKS =
  "[...document.querySelectorAll('a[href], area[href], iframe[src], form[action]')].map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action') ?? '').filter((h) => !/^(\\/(?!\\/)|https?:|#|\\?)/i.test(h.trim()))";
const UNLABELLED = `[...document.querySelectorAll('input:not([type=hidden]), select, textarea, button, [role=img], img, svg[role=img]')]
  .filter((e) => !e.closest('[hidden]'))
  .filter((e) => {
    if (e.getAttribute('aria-label') || e.getAttribute('alt') || e.getAttribute('aria-labelledby')) return false;
    if (e.tagName === 'BUTTON') return !(e.textContent || '').trim();
    if (e.id && document.querySelector('label[for="' + e.id + '"]')) return false;
    return !e.closest('label');
  })
  .map((e) => e.outerHTML.slice(0, 80))`;

describe('web UI in Chromium', { skip: SKIP, timeout: 180_000 }, () => {
  let dir: string;
  let store: ArticleStore;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const fixtureIds = new Map<string, string>();
  const hostileIds: string[] = [];

  const goto = async (path: string): Promise<void> => {
    const response = await page.goto(`${server.url}${path}`);
    assert.ok(response && response.status() < 500, `${path}: HTTP ${response?.status()}`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 10_000 });
  };
  const texts = (selector: string) =>
    page.$$eval(selector, (nodes) => nodes.map((n) => (n.textContent ?? '').trim()));
  const focused = (expression: string) =>
    page.evaluate<string | boolean | null>(
      `(() => { const e = document.activeElement; return ${expression}; })()`,
    );
  const assertClean = async (where: string): Promise<void> => {
    assert.deepEqual(
      await page.evaluate<string[]>(INJECTED_ELEMENTS),
      [],
      `${where}: an element was injected`,
    );
    assert.deepEqual(
      await page.evaluate<string[]>(UNSAFE_LINKS),
      [],
      `${where}: a link that is not http(s) or same-site`,
    );
    assert.equal(
      await page.evaluate<unknown>('window.__xss'),
      undefined,
      `${where}: a payload ran`,
    );
    assert.deepEqual(
      await page.evaluate<string[]>(UNLABELLED),
      [],
      `${where}: unlabelled controls`,
    );
    assert.deepEqual(
      await page.evaluate<string[]>('window.__csp ?? []'),
      [],
      `${where}: CSP violations`,
    );
    assert.deepEqual(consoleErrors, [], `${where}: console errors`);
  };
  /** Every view is shot at both widths (full page), then the viewport goes back to desktop. */
  const shootBothWidths = async (name: string): Promise<void> => {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      // Loaded at this width, as a reader on that screen would (charts size themselves on load).
      await page.reload();
      await page.waitForSelector('body[data-ready="true"]');
      await page.waitForTimeout(200);
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - window.innerWidth',
      );
      assert.ok(overflow <= 1, `${name} at ${width}px scrolls sideways by ${overflow}px`);
      await page.screenshot({ path: join(ARTIFACTS, `${name}-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: WIDTHS[0], height: 900 });
  };

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'sitrep-browser-'));
    store = await openStore(join(dir, 'ui.db'));
    await ingestPaths([SAMPLE], store);
    const drafts = FIXTURE_ARTICLES.map(fixtureDraft);
    const outcomes = await store.saveArticles(drafts);
    const entityIds = new Map<string, string[]>();
    for (const [i, article] of FIXTURE_ARTICLES.entries()) {
      const id = outcomes[i]?.id ?? '';
      fixtureIds.set(article.key, id);
      await store.saveEnrichment(id, fixtureEnrichment(article));
      entityIds.set(id, [...new Set(article.entities.map((e) => e[2]))]);
    }
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
    // The corpus goes in through the HTTP API, as a remote feeder would send it: every payload in
    // the title, body, source, author and (cycling) URL of its own article.
    const records = XSS_PAYLOADS.map((payload, i) => ({
      id: `xss-${i}`,
      url: XSS_URLS[i % XSS_URLS.length],
      title: `Hostile ${i} ${payload}`,
      text: `Report ${i}: ${payload} and a HIMARS strike.\n\nSecond paragraph on Hostile ${i}.`,
      source: `Source ${i % 5} ${payload}`,
      authors: [payload],
      published: `2025-0${1 + (i % 6)}-1${i % 10}T10:00:00Z`,
      language: 'en',
    }));
    const response = await fetch(`${server.url}/api/ingest`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(records),
    });
    assert.equal(response.status, 200, await response.text());
    // Enrichment output is untrusted too: entity names, quotes, speakers, relations and figures.
    for (let page_ = await store.listArticles({ limit: 100 }); ;) {
      for (const article of page_.items) {
        const match = /^Hostile (\d+) /.exec(article.title ?? '');
        if (!match) continue;
        const payload = XSS_PAYLOADS[Number(match[1])] ?? '';
        hostileIds.push(article.id);
        const at = article.text.indexOf('HIMARS');
        const strike = article.text.indexOf('HIMARS strike');
        assert.ok(at >= 0 && strike >= 0, 'the body keeps its words');
        await store.saveEnrichment(article.id, {
          version: 'browser-test',
          entities: [
            {
              text: 'HIMARS',
              start: at,
              end: at + 6,
              type: 'WEAPON',
              id: `xss:${match[1]}`,
              name: payload,
            },
          ],
          countries: [],
          figures: [
            {
              text: 'HIMARS',
              start: at,
              end: at + 6,
              kind: 'count',
              value: 1 / 3,
              unit: payload,
              subject: payload,
              entityId: `xss:${match[1]}`,
            },
          ],
          quotes: [
            {
              text: 'HIMARS strike',
              start: strike,
              end: strike + 13,
              kind: 'direct',
              speaker: payload,
              speakerId: `xss:${match[1]}`,
              anonymous: false,
            },
          ],
          relations: [
            {
              subjectId: `xss:${match[1]}`,
              subjectName: payload,
              predicate: 'supplies',
              objectId: IDS.poland,
              objectName: payload,
              negated: false,
              start: at,
              end: at + 6,
            },
          ],
          document: null,
        });
      }
      if (!page_.nextCursor) break;
      page_ = await store.listArticles({ limit: 100, cursor: page_.nextCursor });
    }
    assert.equal(hostileIds.length, XSS_PAYLOADS.length, 'every hostile record was stored');
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
    page = await browser.newPage({ viewport: { width: WIDTHS[0], height: 900 } });
    // Recorded by the page itself: CSP violations (also logged as console errors).
    await page.addInitScript(
      "window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));",
    );
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('overview: counts, recent articles, stories, entities with sparklines, sources', async () => {
    await goto('/');
    assert.equal(await page.textContent('main h1'), 'Overview');
    assert.match(
      (await page.textContent('.summary')) ?? '',
      /^\d[\d,]* articles from \d+ sources?/,
    );
    assert.ok((await page.$$eval('.hit-link', (n) => n.length)) > 0);
    assert.ok((await page.$$eval('.entity-ranking li', (n) => n.length)) > 0);
    assert.ok((await page.$$eval('.source-table tbody tr', (n) => n.length)) > 0);
    await assertClean('overview');
    await shootBothWidths('overview');
  });

  test('keyboard: "/" focuses search, Enter searches, j moves through results, Enter opens one', async () => {
    await goto('/');
    await page.keyboard.press('/');
    assert.equal(await focused('e?.id'), 'q');
    await page.keyboard.type('HIMARS');
    await Promise.all([page.waitForURL(/\/search\?q=HIMARS/), page.keyboard.press('Enter')]);
    await page.waitForSelector('body[data-ready="true"]');
    assert.ok((await page.$$eval('.hit', (n) => n.length)) >= 3);
    const marks = await texts('.snippet mark');
    assert.ok(marks.length > 0 && marks.every((m) => /himars/i.test(m)), marks.join());
    await page.keyboard.press('j');
    assert.equal(await focused("e?.classList.contains('hit-link')"), true);
    await page.keyboard.press('j');
    const second = await focused("e?.getAttribute('href')");
    await Promise.all([page.waitForURL(/\/articles\//), page.keyboard.press('Enter')]);
    await page.waitForSelector('body[data-ready="true"]');
    assert.ok(page.url().endsWith(String(second)), `${page.url()} vs ${second}`);
    const hits = await texts('.article-text mark.hl-match');
    assert.ok(hits.length > 0 && hits.every((m) => /^himars$/i.test(m)), hits.join());
  });

  test('search: facets, month chart with brush, sort, copies, date range, exports', async () => {
    await goto('/search?q=HIMARS');
    assert.ok((await page.$$eval('.facet', (n) => n.length)) >= 2);
    // The chart became a uPlot brush (the SVG stays for readers without JavaScript).
    await page.waitForSelector('.brush-chart canvas');
    await assertClean('search');
    await shootBothWidths('search');
    // Brush: drag across the chart, the page reloads with after:/before: in the query.
    const box = await page.locator('.brush-chart .u-over').boundingBox();
    assert.ok(box);
    await page.mouse.move(box.x + 5, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 5 });
    await Promise.all([
      page.waitForURL(/after%3A\d{4}-\d{2}.*before%3A\d{4}-\d{2}/),
      page.mouse.up(),
    ]);
    await page.waitForSelector('body[data-ready="true"]');
    assert.match(
      (await page.inputValue('#q')) ?? '',
      /HIMARS after:\d{4}-\d{2} before:\d{4}-\d{2}/,
    );
    // Sort: the page lists the API's order for the same query.
    for (const sort of ['newest', 'oldest']) {
      await goto(`/search?q=HIMARS&sort=${sort}`);
      const shown = await page.$$eval('.hit-link', (nodes) =>
        nodes.map((n) => n.getAttribute('href') ?? ''),
      );
      const api = (await (
        await fetch(`${server.url}/api/search?q=HIMARS&limit=20&sort=${sort}`)
      ).json()) as { hits: { id: string; published?: string }[] };
      assert.deepEqual(
        shown,
        api.hits.map((h) => `/articles/${h.id}?q=HIMARS`),
      );
      // And that order is by publication instant (stored dates keep their UTC offsets).
      const instants = api.hits.flatMap((h) => (h.published ? [Date.parse(h.published)] : []));
      const ordered = [...instants].sort((a, b) => (sort === 'newest' ? b - a : a - b));
      assert.deepEqual(instants, ordered, `sort=${sort} follows publication dates`);
    }
    // Dates are shown in the reader's locale, with the ISO value as the tooltip.
    const title = await page.getAttribute('.hit time', 'title');
    assert.match(title ?? '', /^\d{4}-\d{2}-\d{2}T/);
    assert.doesNotMatch((await page.textContent('.hit time')) ?? '', /T\d{2}:|UTC/);
    // Exports carry the same query.
    const csv = await (
      await fetch(
        `${server.url}${(await page.getAttribute('.exports a:first-of-type', 'href')) ?? ''}`,
      )
    ).text();
    assert.match(csv.split('\r\n')[0] ?? '', /^id,title,source,published/);
    assert.ok(csv.split('\r\n').length > 3);
    const jsonl = await (
      await fetch(
        `${server.url}${(await page.getAttribute('.exports a:last-of-type', 'href')) ?? ''}`,
      )
    ).text();
    assert.ok(
      jsonl
        .trim()
        .split('\n')
        .every((line) => typeof (JSON.parse(line) as { id: string }).id === 'string'),
    );
  });

  test('article: full width, entity underlines by type with toggles, facts panel with evidence jump', async () => {
    await goto(`/articles/${fixtureIds.get('warsaw') ?? ''}`);
    assert.deepEqual(await texts('.article-text mark.hl-figure'), ['48', '$10 billion']);
    assert.deepEqual(await texts('mark.hl-quote a.entity-link'), ['Poland']);
    const underline = () =>
      page.evaluate<string>(
        'getComputedStyle(document.querySelector(\'.article-text mark.hl-entity[data-type="WEAPON"]\')).textDecorationLine',
      );
    assert.equal(await underline(), 'underline');
    await page.locator('input[data-mark-kind="WEAPON"]').uncheck();
    assert.equal(await underline(), 'none');
    await page.locator('input[data-mark-kind="WEAPON"]').check();
    const width = await page.$eval('.article-text', (n) => n.getBoundingClientRect().width);
    assert.ok(width > 700, `the text uses the width (${width}px)`);
    await assertClean('article');
    await shootBothWidths('article');
    // The dark theme follows the system; the header's switch overrides it.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    assert.equal(
      await page.evaluate<string>('getComputedStyle(document.body).backgroundColor'),
      'rgb(18, 20, 23)',
    );
    await page.screenshot({ path: join(ARTIFACTS, 'article-dark-1400.png'), fullPage: true });
    await page.click('#theme-toggle');
    assert.equal(
      await page.evaluate<string>('getComputedStyle(document.body).backgroundColor'),
      'rgb(255, 255, 255)',
    );
    await page.evaluate("localStorage.removeItem('sitrep.theme')");
    await page.emulateMedia({ colorScheme: 'light' });
    // Keyboard: Tab to the quote in the facts panel, Enter marks and focuses its evidence.
    let onQuote = false;
    for (let i = 0; i < 80 && !onQuote; i++) {
      await page.keyboard.press('Tab');
      onQuote = (await focused("e?.classList.contains('quote-link')")) === true;
    }
    assert.ok(onQuote, 'a quote link takes focus by Tab');
    await Promise.all([page.waitForURL(/\?at=\d+-\d+#evidence$/), page.keyboard.press('Enter')]);
    await page.waitForSelector('body[data-ready="true"]');
    assert.equal(await focused('e?.id'), 'evidence');
    assert.equal(await page.textContent('#evidence'), 'Poland will defend every inch,');
  });

  test('article: provenance, syndication group and story', async () => {
    const [group] = (await store.nearDuplicates?.listGroups()) ?? [];
    assert.ok(group, 'the sample holds a syndicated copy');
    await goto(`/articles/${group.canonical}`);
    assert.ok(await page.$('.coverage .story-link'));
    assert.ok((await page.$$eval('.copy-link', (n) => n.length)) >= 1);
    assert.match((await page.textContent('.provenance')) ?? '', /From/);
    await goto(`/articles/${group.members[0]?.id ?? ''}`);
    assert.match((await page.textContent('.coverage-copy')) ?? '', /copy \(\d+% shared/);
    await assertClean('article copy');
    await shootBothWidths('article-copy');
  });

  test('entity: own quotes, sentence co-occurrence, relations network, KB names, mentions chart', async () => {
    await goto(`/entities/${encodeURIComponent(IDS.poland)}`);
    assert.equal(await page.textContent('#entity-name'), 'Poland');
    assert.deepEqual(
      await page.$$eval('.timeline .bar', (n) =>
        n.map((b) => [b.getAttribute('data-label'), b.getAttribute('data-value')]),
      ),
      [
        ['2025-03', '1'],
        ['2025-04', '1'],
      ],
    );
    // Quotes that mention Poland name it; none is there only because the article mentions it.
    for (const quote of await texts('.quotes-about .quote-text')) assert.match(quote, /Poland/);
    assert.ok((await texts('.cooccurring a')).length > 0);
    await page.waitForSelector('.graph-canvas[data-graph-ready="true"]');
    await assertClean('entity');
    await shootBothWidths('entity');
  });

  test('entities index and a hostile entity page', async () => {
    await goto('/entities');
    assert.ok((await texts('.entity-group h2')).includes('WEAPON'));
    await assertClean('entities');
    await shootBothWidths('entities');
    for (const i of [0, 2, 19, 33, 50]) {
      await goto(`/entities/${encodeURIComponent(`xss:${i}`)}`);
      assert.equal(await page.textContent('#entity-name'), XSS_PAYLOADS[i]);
      assert.deepEqual(await texts('.quotes-by .quote-text'), ['HIMARS strike']);
      await assertClean(`entity xss:${i}`);
    }
  });

  test('story: timeline by day and source, articles, driving entities; stories list', async () => {
    await goto('/stories?several=1');
    const first = page.locator('.story-ref').first();
    await Promise.all([page.waitForURL(/\/stories\/story-/), first.click()]);
    await page.waitForSelector('body[data-ready="true"]');
    assert.ok((await page.$$eval('.day-grid tbody tr', (n) => n.length)) >= 1);
    assert.ok((await page.$$eval('.timeline-item', (n) => n.length)) >= 2);
    await assertClean('story');
    await shootBothWidths('story');
    await goto('/stories');
    assert.ok((await page.$$eval('.story-item', (n) => n.length)) > 0);
    await assertClean('stories');
    await shootBothWidths('stories');
  });

  test('graph: network with filters, edge evidence, expand, GEXF export', async () => {
    await goto('/graph');
    await page.waitForSelector('#graph-canvas[data-graph-ready="true"]');
    assert.ok((await page.$$eval('.edge-table tbody tr', (n) => n.length)) > 0);
    await assertClean('graph');
    await shootBothWidths('graph');
    // Filter by relation and expand a node through its table link (works without the canvas).
    await page.selectOption('#graph-predicate', 'supplies');
    await Promise.all([
      page.waitForURL(/predicate=supplies/),
      page.click('.graph-filters button[type="submit"]'),
    ]);
    await page.waitForSelector('body[data-ready="true"]');
    assert.deepEqual([...new Set(await texts('.edge-table tbody td:nth-child(2)'))], ['supplies']);
    await Promise.all([
      page.waitForURL(/entity=/),
      page.locator('.edge-table a.expand').first().click(),
    ]);
    await page.waitForSelector('body[data-ready="true"]');
    const gexf = await (
      await fetch(`${server.url}${(await page.getAttribute('.export-gexf', 'href')) ?? ''}`)
    ).text();
    assert.match(gexf, /^<\?xml[^]*<gexf xmlns="http:\/\/gexf.net\/1.3"[^]*<edge /);
    assert.doesNotMatch(gexf, /<script/);
    await assertClean('graph filtered');
  });

  test('every hostile article page and the result lists keep the corpus as text', async () => {
    for (const id of hostileIds) {
      await goto(`/articles/${encodeURIComponent(id)}`);
      const stored = (await (
        await fetch(`${server.url}/api/articles/${encodeURIComponent(id)}`)
      ).json()) as {
        article: { title: string; text: string };
      };
      // The stored title and text (as cleaning left them, markup and all) are what the page shows.
      assert.equal(await page.textContent('#article-title'), stored.article.title);
      const squash = (text: string): string => text.replace(/\s+/g, '');
      assert.equal(
        squash((await page.textContent('.article-text')) ?? ''),
        squash(stored.article.text),
      );
      assert.match(stored.article.title, /^Hostile \d+ /);
      await assertClean(`article ${id}`);
    }
    await shootBothWidths('article-hostile');
    for (const path of [
      '/search?q=strike',
      '/search?q=strike&cursor=',
      '/stories',
      '/graph',
      '/entities?type=WEAPON',
      '/',
    ]) {
      await goto(path);
      await assertClean(path);
    }
    assert.equal(await page.evaluate<unknown>('window.__xss'), undefined);
  });
});
