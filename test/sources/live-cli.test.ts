import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runSitrep, tempDir } from '../cli/cli-harness.js';
import { FeedFixtureServer } from './feed-fixture-server.js';
import { WebhookReceiver } from './webhook-receiver.js';

const env = { SITREP_FETCH_ALLOW: '127.0.0.0/8', SITREP_FETCH_ONLY: '127.0.0.0/8' };
const server = new FeedFixtureServer();
const hooks = new WebhookReceiver();
const temp = tempDir('sitrep-live-cli-');
const db = join(temp.path, 'live.db');

const rss = (items: string[]): Buffer =>
  Buffer.from(
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Defence wire</title>${items.join('')}</channel></rss>`,
  );
const item = (n: number, text: string) =>
  `<item><title>Wire ${n}</title><guid>wire-${n}</guid><link>http://127.0.0.1:9/none/${n}</link><description>${text}</description><pubDate>Mon, 07 Dec 2026 0${n}:00:00 GMT</pubDate></item>`;

before(async () => {
  await server.listen();
  await hooks.listen();
  server.setFile('/wire.xml', rss([item(1, 'Artillery shells were delivered to the front.')]));
  server.setFile('/other.xml', rss([item(2, 'A naval exercise began in the Baltic.')]));
});
after(async () => {
  await server.close();
  await hooks.close();
  temp.remove();
});

const sitrep = (...args: string[]) => runSitrep([...args, '--db', db], { env });

test('source, watchlist and digest commands end to end on loopback', async () => {
  const added = await sitrep(
    'source',
    'add',
    server.url('/wire.xml'),
    'ftp://example.org/x',
    '--full-text',
    'never',
    '--json',
  );
  assert.equal(added.code, 3, 'an invalid URL is reported, the valid one added');
  const addedJson = added.json<{ added: { id: string }[]; invalid: { reason: string }[] }>();
  assert.equal(addedJson.added.length, 1);
  assert.match(addedJson.invalid[0]!.reason, /only http and https/);

  const opml = join(temp.path, 'subs.opml');
  writeFileSync(
    opml,
    `<?xml version="1.0"?><opml version="2.0"><body><outline text="Other" type="rss" xmlUrl="${server.url('/other.xml')}"/><outline text="Wire" type="rss" xmlUrl="${server.url('/wire.xml')}"/></body></opml>`,
  );
  const imported = await sitrep('source', 'import', opml, '--json');
  assert.equal(imported.code, 0, imported.stderr);
  assert.deepEqual(
    [
      imported.json<{ added: unknown[] }>().added.length,
      imported.json<{ existing: unknown[] }>().existing.length,
    ],
    [1, 1],
  );

  const watch = await sitrep(
    'watchlist',
    'add',
    'naval',
    '--query',
    'naval OR frigate',
    '--webhook',
    hooks.url,
    '--json',
  );
  assert.equal(watch.code, 0, watch.stderr);
  const secret = watch.json<{ channels: { webhook: { secret: string } } }>().channels.webhook
    .secret;
  assert.ok(secret.length >= 16);

  const polled = await sitrep('source', 'poll', '--once', '--no-enrich', '--json');
  assert.equal(polled.code, 0, polled.stderr);
  const report = polled.json<{ sources: number; added: number; evaluation: { alerts: number } }>();
  assert.deepEqual([report.sources, report.added, report.evaluation.alerts], [2, 2, 1]);
  await hooks.waitFor(1);
  assert.equal(hooks.received.length, 1);

  const list = await sitrep('source', 'list', '--json');
  const sources =
    list.json<
      { id: string; etag: string | null; last_error: string | null; items_total: number }[]
    >();
  assert.equal(sources.length, 2);
  assert.ok(sources.every((s) => s.etag && s.last_error === null && s.items_total === 1));
  const show = await sitrep('source', 'show', sources[0]!.id);
  assert.match(show.stdout, /last success/);

  const tested = await sitrep('watchlist', 'test', 'naval', '--since', '3650d', '--json');
  assert.equal(tested.json<{ matches: unknown[] }>().matches.length, 1);
  const lists = await sitrep('watchlist', 'list', '--json');
  assert.equal(lists.json<{ unread: number }[]>()[0]?.unread, 1);

  const digest = await sitrep('digest', 'naval', '--since', '24h', '--format', 'md');
  assert.match(digest.stdout, /# naval: 1 alert/);
  assert.match(digest.stdout, /\[Wire 2\]\(http:\/\/127\.0\.0\.1:8750\/articles\//);
  const html = await sitrep('digest', 'naval', '--format', 'html');
  assert.match(html.stdout, /<h1>naval: 1 alert<\/h1>/);

  const alerts = await sitrep('watchlist', 'alerts', 'naval', '--unread', '--mark-read', '--json');
  assert.equal(alerts.json<unknown[]>().length, 1);
  assert.equal(
    (await sitrep('watchlist', 'list', '--json')).json<{ unread: number }[]>()[0]?.unread,
    0,
  );

  const paused = await sitrep('source', 'pause', sources[0]!.id);
  assert.equal(paused.code, 0);
  const again = await sitrep('source', 'poll', '--once', '--all', '--no-enrich', '--json');
  assert.equal(
    again.json<{ sources: number; notModified: number }>().sources,
    1,
    'the paused source is skipped',
  );
  assert.equal(again.json<{ notModified: number }>().notModified, 1);
  assert.equal((await sitrep('source', 'resume', sources[0]!.id)).code, 0);
  assert.equal((await sitrep('source', 'remove', sources[0]!.id)).code, 0);
  assert.equal((await sitrep('source', 'list', '--json')).json<unknown[]>().length, 1);
  assert.equal((await sitrep('watchlist', 'remove', 'naval')).code, 0);
  const missing = await sitrep('watchlist', 'test', 'naval');
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /no watchlist "naval"/);
});
