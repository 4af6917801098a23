import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { ingestPaths } from '../../src/pipeline/ingest.js';
import { parseQuery } from '../../src/search/index.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { signWebhook } from '../../src/watchlists/webhook-sender.js';
import { createWatchlist, dryRunWatchlist } from '../../src/watchlists/watchlist-service.js';
import { sharedPath, skipUnlessShared } from '../shared-data.js';
import { openSqlite, runtimeFor, tempDir, testConfig } from './live-harness.js';
import { WebhookReceiver } from './webhook-receiver.js';

const SEEDS = sharedPath('seeds');
const QUERY = 'HIMARS OR "Storm Shadow"';

interface Mail {
  readonly to: string[];
  readonly data: string;
}

describe('watchlist over ../shared/seeds', { skip: skipUnlessShared('seeds') }, () => {
  const temp = tempDir('watch-seeds');
  const hooks = new WebhookReceiver();
  const mails: Mail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  let smtpPort = 0;
  let store: SqliteStore;

  before(async () => {
    await hooks.listen();
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpPort = (smtp.server.address() as AddressInfo).port;
    store = openSqlite(temp.path('seeds.db'));
  });
  after(async () => {
    await hooks.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await store.close();
    temp.remove();
  });

  test('fires for exactly the matching articles, by webhook and e-mail; a second ingest sends nothing new', async () => {
    const watchlist = await createWatchlist(
      store,
      {
        name: 'himars',
        query: QUERY,
        webhook: { url: hooks.url },
        email: ['analyst@example.test'],
      },
      new Date(),
    );
    const config = {
      ...testConfig(),
      smtp: { host: '127.0.0.1', port: smtpPort, from: 'sitrep@example.test' },
    };
    const { runtime } = runtimeFor({ store, config });
    try {
      const first = await ingestPaths([SEEDS!], store);
      assert.equal(first.added, 4);
      await runtime.evaluateAndDeliver();

      const parsed = parseQuery(QUERY);
      assert.ok(parsed.ok);
      const search = await store.searchArticles({
        query: parsed.value,
        limit: 100,
        collapseCopies: true,
      });
      const expected = search.hits.map((h) => h.id).sort();
      assert.ok(expected.length > 0, 'the seeds hold a matching article');
      assert.ok(expected.length < 4, 'and some that do not match');
      const alerts = await store.watchlists.listAlerts({ watchlistId: watchlist.id, limit: 100 });
      assert.deepEqual(alerts.map((a) => a.articleId).sort(), expected);
      const dry = await dryRunWatchlist(store, watchlist);
      assert.deepEqual(
        dry.matches.map((m) => m.articleId).sort(),
        expected,
        'test agrees with the live evaluation',
      );

      await hooks.waitFor(expected.length);
      assert.equal(hooks.received.length, expected.length);
      for (const hook of hooks.received) {
        const payload = JSON.parse(hook.body) as {
          deliveryId: string;
          alert: { articleId: string; link: string };
        };
        assert.equal(hook.headers['x-sitrep-delivery'], payload.deliveryId);
        const timestamp = String(hook.headers['x-sitrep-timestamp']);
        assert.equal(
          hook.headers['x-sitrep-signature'],
          signWebhook(watchlist.channels.webhook!.secret, timestamp, hook.body),
          'the signature verifies with the watchlist secret',
        );
        assert.ok(expected.includes(payload.alert.articleId));
        assert.match(payload.alert.link, /\/articles\//);
      }
      assert.equal(mails.length, expected.length);
      assert.deepEqual(mails[0]?.to, ['analyst@example.test']);
      assert.match(mails[0]?.data ?? '', /Subject: =\?UTF-8\?Q\?=5Bsitrep=5D_himars=3A/);
      const deliveries = await store.watchlists.listDeliveries({
        watchlistId: watchlist.id,
        limit: 10,
      });
      assert.deepEqual(
        deliveries.map((d) => d.state),
        deliveries.map(() => 'sent'),
      );

      const second = await ingestPaths([SEEDS!], store);
      assert.equal(second.added, 0);
      const again = await runtime.pollOnce();
      assert.equal(again.evaluation.alerts, 0);
      assert.equal(hooks.received.length, expected.length, 'no new webhook');
      assert.equal(mails.length, expected.length, 'no new mail');
    } finally {
      await runtime.close();
    }
  });

  test('a failing webhook is retried with backoff and logged', async () => {
    const local = openSqlite(temp.path('retry.db'));
    const watchlist = await createWatchlist(
      local,
      { name: 'retry', query: QUERY, webhook: { url: hooks.url } },
      new Date(),
    );
    const clock = { offsetMs: 0 };
    const { runtime } = runtimeFor({
      store: local,
      now: () => new Date(Date.now() + clock.offsetMs),
    });
    try {
      const before = hooks.received.length;
      hooks.failNext = 1;
      await ingestPaths([SEEDS!], local);
      await runtime.evaluateAndDeliver();
      let [delivery] = await local.watchlists.listDeliveries({
        watchlistId: watchlist.id,
        limit: 1,
      });
      assert.equal(delivery?.state, 'pending');
      assert.equal(delivery?.attempts, 1);
      assert.equal(delivery?.lastStatus, 500);
      assert.ok(Date.parse(delivery!.nextAttemptAt) - Date.now() >= 14_000, 'backs off');
      clock.offsetMs = 60_000;
      await runtime.evaluateAndDeliver();
      [delivery] = await local.watchlists.listDeliveries({ watchlistId: watchlist.id, limit: 1 });
      assert.equal(delivery?.state, 'sent');
      assert.equal(delivery?.attempts, 2);
      assert.equal(hooks.received.length, before + 1);
    } finally {
      await runtime.close();
      await local.close();
    }
  });
});
