/**
 * Freshness bar of issue 14: an item added to a feed is searchable, and its watchlist's webhook is
 * received, within 2 s of the poll that fetches it. `sitrep watch` runs as its own process (with
 * enrichment, as a user runs it); this process serves the feed on loopback, receives the webhook and
 * searches the same SQLite file through its own connection. 20 items, one every ~2.5 s.
 * Latency is measured from the arrival of the request that fetched the item.
 *
 *   npm run build && node --import tsx bench/sources-freshness.ts [--items 20] [--no-enrich]
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseQuery } from '../src/search/index.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { FeedFixtureServer } from '../test/sources/feed-fixture-server.js';
import { WebhookReceiver } from '../test/sources/webhook-receiver.js';

const args = process.argv.slice(2);
const itemsAt = args.indexOf('--items');
const count = itemsAt >= 0 ? Number(args[itemsAt + 1]) : 20;
const enrich = !args.includes('--no-enrich');
const work = mkdtempSync(join(tmpdir(), 'sitrep-freshness-'));
const db = join(work, 'fresh.db');
const bin = resolve('bin/sitrep.js');
const env = {
  ...process.env,
  SITREP_FETCH_ALLOW: '127.0.0.0/8',
  SITREP_FETCH_ONLY: '127.0.0.0/8',
  SITREP_CONFIG: join(work, 'config.json'),
};
writeFileSync(
  env.SITREP_CONFIG,
  JSON.stringify({
    fetch: { politenessMs: 0 },
    poll: { minIntervalSeconds: 1, maxIntervalSeconds: 1 },
  }),
);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

// Distinct words per item: near-identical texts would be one syndication group and alert once.
const WORDS =
  'navy shipyard hull trials radar sonar missile crew budget contract delay engine turbine steel weld harbour escort convoy helicopter deck torpedo sensor upgrade export partner minister parliament committee audit schedule launch commissioning squadron patrol exercise baltic atlantic pacific corvette destroyer submarine drone satellite logistics spares maintenance'.split(
    ' ',
  );
const textFor = (n: number): string =>
  Array.from({ length: 40 }, (_, i) => WORDS[(n * 7919 + i * i * 31 + i * n) % WORDS.length]).join(
    ' ',
  );

const itemXml = (n: number) =>
  `<item><title>Frigate delivery report ${n}</title><guid>fresh-${n}</guid><link>http://127.0.0.1/fresh/${n}</link><description>Frigate report ${n}: ${textFor(n)}.</description><pubDate>${new Date().toUTCString()}</pubDate></item>`;
const feed = (items: string[]) =>
  Buffer.from(
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Fresh wire</title>${items.join('')}</channel></rss>`,
  );

const main = async (): Promise<void> => {
  const server = new FeedFixtureServer();
  const hooks = new WebhookReceiver();
  await server.listen();
  await hooks.listen();
  const items: string[] = [itemXml(0)];
  server.setFile('/fresh.xml', feed(items));
  const cli = (...a: string[]) =>
    spawnSync(process.execPath, [bin, ...a, '--db', db], { env, encoding: 'utf8' });
  cli('source', 'add', server.url('/fresh.xml'), '--interval', '1s', '--full-text', 'never');
  cli('watchlist', 'add', 'frigates', '--query', 'frigate', '--webhook', hooks.url);
  const watch = spawn(
    process.execPath,
    [bin, 'watch', '--db', db, '--quiet', ...(enrich ? [] : ['--no-enrich'])],
    { env, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let watchErr = '';
  watch.stderr.on('data', (c: Buffer) => (watchErr += c.toString()));
  const reader = SqliteStore.open({ path: db });
  const searchLatency: number[] = [];
  const hookLatency: number[] = [];
  try {
    // The first item (present at start) is the warm-up: wait until it alerted.
    const warmDeadline = Date.now() + 60_000;
    while (hooks.received.length < 1 && Date.now() < warmDeadline) await sleep(50);
    if (hooks.received.length < 1)
      throw new Error(`watch never alerted on the warm-up item:\n${watchErr}`);
    for (let n = 1; n <= count; n++) {
      items.unshift(itemXml(n));
      const changedAt = Date.now();
      server.setFile('/fresh.xml', feed(items), undefined, new Date(changedAt + 1000));
      const query = parseQuery(`"delivery report ${n}"`);
      if (!query.ok) throw new Error('query');
      let searchableAt: number | undefined;
      let hookAt: number | undefined;
      const deadline = Date.now() + 30_000;
      while ((searchableAt === undefined || hookAt === undefined) && Date.now() < deadline) {
        if (searchableAt === undefined) {
          const result = await reader.searchArticles({ query: query.value, limit: 1 });
          if (result.total > 0) searchableAt = Date.now();
        }
        if (hookAt === undefined) {
          const hook = hooks.received.find((h) => h.body.includes(`Frigate delivery report ${n}"`));
          if (hook) hookAt = hook.at;
        }
        await sleep(20);
      }
      // The fetch that brought item n: the first 200 for the feed after it changed.
      const fetch = server.seen.find(
        (r) => r.path === '/fresh.xml' && r.status === 200 && r.at >= changedAt,
      );
      if (!fetch || searchableAt === undefined || hookAt === undefined) {
        console.log(
          `item ${n}: not seen within 30 s (fetch ${fetch ? 'yes' : 'no'}, search ${searchableAt ? 'yes' : 'no'}, hook ${hookAt ? 'yes' : 'no'})`,
        );
        continue;
      }
      searchLatency.push(searchableAt - fetch.at);
      hookLatency.push(hookAt - fetch.at);
      console.log(
        `item ${String(n).padStart(2)}: fetched ${fetch.at - changedAt} ms after the change; searchable +${searchableAt - fetch.at} ms, webhook +${hookAt - fetch.at} ms`,
      );
      await sleep(500 + Math.random() * 1000);
    }
  } finally {
    watch.kill('SIGTERM');
    await new Promise((r) => watch.on('close', r));
    await reader.close();
    await server.close();
    await hooks.close();
    rmSync(work, { recursive: true, force: true });
  }
  const line = (label: string, values: number[]) =>
    `${label}: p50 ${percentile(values, 50)} ms, max ${Math.max(...values)} ms over ${values.length} items (bar: within 2000 ms)`;
  console.log(`\nenrichment ${enrich ? 'on' : 'off'}`);
  console.log(line('searchable after the fetching poll', searchLatency));
  console.log(line('webhook received after the fetching poll', hookLatency));
};

await main();
