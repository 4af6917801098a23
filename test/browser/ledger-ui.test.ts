import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp } from '../../src/server/create-app.js';
import { startServer, type RunningServer } from '../../src/server/serve.js';
import { openStore } from '../../src/store/open-store.js';
import type { ArticleStore } from '../../src/store/port.js';
import { skipUnlessShared } from '../shared-data.js';
import { ingestSeeds } from '../seed-store.js';

/**
 * The claim ledger's views in Debian's Chromium on the real seeds: the 52-vs-20 countries conflict
 * side by side, Estonia's exposure (HIMARS from the United States), the Dependencies tab with its
 * canvas and evidence; keyboard use, no console errors, no CSP violations, no unlabelled control,
 * no non-http link. Screenshots at 1400 and 390 px go to test-artifacts/ui/.
 */
const executablePath = [process.env['SITREP_CHROMIUM'], '/usr/bin/chromium'].find(
  (path): path is string => !!path && existsSync(path),
);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ARTIFACTS = join(ROOT, 'test-artifacts', 'ui');
const WIDTHS = [1400, 390] as const;
const SKIP = !executablePath
  ? 'Chromium is not installed (apt-get install -y chromium, or set SITREP_CHROMIUM): browser test skipped'
  : !existsSync(join(ROOT, 'dist', 'ui', 'app.js'))
    ? 'the UI bundle is not built (npm run build): browser test skipped'
    : skipUnlessShared('seeds');

/** Page-side checks, as strings: this file is type-checked without the DOM library. */
const UNSAFE_LINKS =
  "[...document.querySelectorAll('a[href], form[action]')].map((e) => e.getAttribute('href') ?? e.getAttribute('action') ?? '').filter((h) => !/^(\\/(?!\\/)|https?:|#|\\?)/i.test(h.trim()))";
const UNLABELLED = `[...document.querySelectorAll('input:not([type=hidden]), select, button, [role=img]')]
  .filter((e) => !e.closest('[hidden]'))
  .filter((e) => {
    if (e.getAttribute('aria-label') || e.getAttribute('aria-labelledby')) return false;
    if (e.tagName === 'BUTTON') return !(e.textContent || '').trim();
    if (e.id && document.querySelector('label[for="' + e.id + '"]')) return false;
    return !e.closest('label');
  })
  .map((e) => e.outerHTML.slice(0, 80))`;

describe('ledger views in Chromium (seeds)', { skip: SKIP, timeout: 180_000 }, () => {
  let dir: string;
  let store: ArticleStore;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  const goto = async (path: string): Promise<void> => {
    const response = await page.goto(`${server.url}${path}`);
    assert.equal(response?.status(), 200, path);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 10_000 });
  };
  const texts = (selector: string) =>
    page.$$eval(selector, (nodes) => nodes.map((n) => (n.textContent ?? '').trim()));
  const assertClean = async (where: string): Promise<void> => {
    assert.deepEqual(await page.evaluate<string[]>(UNSAFE_LINKS), [], `${where}: unsafe links`);
    assert.deepEqual(await page.evaluate<string[]>(UNLABELLED), [], `${where}: unlabelled`);
    assert.deepEqual(await page.evaluate<string[]>('window.__csp ?? []'), [], `${where}: CSP`);
    assert.deepEqual(consoleErrors, [], `${where}: console errors`);
  };
  const shootBothWidths = async (name: string): Promise<void> => {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
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
    dir = mkdtempSync(join(tmpdir(), 'sitrep-ledger-browser-'));
    store = await openStore(join(dir, 'seeds.db'));
    await ingestSeeds(store);
    server = await startServer(createApp({ store, auth: { readsOpen: true } }), {
      host: '127.0.0.1',
      port: 0,
    });
    browser = await chromium.launch({
      executablePath: executablePath ?? '',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: { width: WIDTHS[0], height: 900 } });
    await page.addInitScript(
      "window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));",
    );
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('claims: nav link, keyboard filter to conflicts only, 52 vs 20 side by side', async () => {
    await goto('/');
    await Promise.all([page.waitForURL(/\/claims$/), page.click('nav a[href="/claims"]')]);
    await page.waitForSelector('body[data-ready="true"]');
    assert.ok((await page.$$eval('.claim-group', (n) => n.length)) > 1);
    // Keyboard only: the entity box, Tab to "Conflicts only", Space, Tab to Apply, Enter.
    await page.focus('#claims-entity');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await Promise.all([page.waitForURL(/conflicts=1/), page.keyboard.press('Enter')]);
    await page.waitForSelector('body[data-ready="true"]');
    const values = await texts('.conflict-side .conflict-value');
    assert.equal(values.length, 2, 'one conflict, two sides');
    assert.match(values[0]!, /52 countries/);
    assert.match(values[1]!, /20 countries/);
    const marks = await texts('.conflict-side .evidence-sentence mark');
    assert.deepEqual(
      marks.map((m) => /52|20/.test(m)),
      [true, true],
    );
    // Side by side at desktop width: the two cards share a row.
    const tops = await page.$$eval('.conflict-side', (n) =>
      n.map((e) => Math.round(e.getBoundingClientRect().top)),
    );
    assert.equal(tops[0], tops[1]);
    assert.ok((await texts('.conflict ul.reasons li')).length > 0);
    await assertClean('claims');
    await shootBothWidths('claims');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.screenshot({ path: join(ARTIFACTS, 'claims-dark-1400.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
    // The evidence link opens the article at the figure.
    await Promise.all([
      page.waitForURL(/\/articles\/.+\?at=\d+-\d+#evidence/),
      page.locator('.conflict-side a[href^="/articles/"]').first().click(),
    ]);
    await page.waitForSelector('body[data-ready="true"]');
    assert.match((await page.textContent('#evidence')) ?? '', /52/);
  });

  test('exposure: Estonia lists HIMARS from the United States, cells link evidence', async () => {
    await goto('/exposure?country=Estonia');
    const head = await texts('.exposure-matrix thead th');
    assert.ok(head.includes('United States'), `suppliers: ${head.join(', ')}`);
    const cells = await texts('.exposure-matrix tbody td');
    assert.ok(cells.some((c) => /HIMARS/.test(c)));
    assert.ok((await page.$$eval('.exposure-matrix a[href*="#evidence"]', (n) => n.length)) > 0);
    await assertClean('exposure');
    await shootBothWidths('exposure');
  });

  test('dependencies tab: canvas, filters, sentences open by keyboard, exports', async () => {
    await goto('/graph?view=dependencies&node=Estonia');
    await page.waitForSelector('#graph-canvas[data-graph-ready="true"]');
    await page.focus('.edge-sentences summary');
    await page.keyboard.press('Enter');
    assert.ok(await page.isVisible('.edge-sentences[open] q'));
    const gexfHref = (await page.getAttribute('a[href*="format=gexf"]', 'href')) ?? '';
    const gexf = await (await fetch(`${server.url}${gexfHref}`)).text();
    assert.match(gexf, /<gexf[^]*HIMARS/);
    assert.ok(await page.isVisible('a[href*="format=graphml"]'));
    await assertClean('dependencies');
    await shootBothWidths('dependencies');
    await page.selectOption('#dep-status', 'delivered');
    await Promise.all([
      page.waitForURL(/status=delivered/),
      page.click('.graph-filters button[type="submit"]'),
    ]);
    await page.waitForSelector('body[data-ready="true"]');
    await assertClean('dependencies filtered');
  });
});
