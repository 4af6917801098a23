/**
 * The sources and watchlists contract: the same calls give the same answers on SQLite and
 * PostgreSQL (run by sqlite/live-store.test.ts and postgres/live-store.test.ts).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ArticleStore } from './port.js';
import type { SourcesPort } from './sources-port.js';
import { draftFor, type ContractTarget } from './store-contract.suite.js';
import type { WatchlistsPort } from './watchlists-port.js';

const T0 = '2026-01-01T00:00:00.000Z';
const at = (seconds: number): string => new Date(Date.parse(T0) + seconds * 1000).toISOString();

const poll = (overrides: Partial<Parameters<SourcesPort['recordPoll']>[2]> = {}) => ({
  fetchedAt: at(10),
  status: 200,
  succeeded: true,
  newItems: 3,
  notModified: false,
  intervalSeconds: 600,
  itemsPerDay: 12,
  consecutiveFailures: 0,
  nextPollAt: at(610),
  etag: '"v1"',
  lastModified: 'Thu, 01 Jan 2026 00:00:00 GMT',
  format: 'rss',
  title: 'Feed title',
  ...overrides,
});

export const runLiveContract = (target: ContractTarget): void => {
  const it = (
    name: string,
    body: (sources: SourcesPort, watchlists: WatchlistsPort, store: ArticleStore) => Promise<void>,
  ) =>
    test(name, { skip: target.skip ?? false }, async () => {
      const store = await target.open();
      try {
        assert.ok(store.sources && store.watchlists, 'the store has the live ports');
        await body(store.sources, store.watchlists, store);
      } finally {
        await store.close();
      }
    });

  describe(`live sources contract: ${target.name}`, () => {
    it('adds sources by URL once, with stable ids, and reads them back', async (sources) => {
      const first = await sources.addSources(
        [
          { url: 'http://a.test/feed' },
          { url: 'http://b.test/rss', fullText: 'always', intervalSeconds: 60 },
        ],
        T0,
      );
      assert.deepEqual(
        first.map((r) => r.added),
        [true, true],
      );
      const again = await sources.addSources(
        [{ url: 'http://a.test/feed', title: 'ignored' }],
        at(1),
      );
      assert.equal(again[0]?.added, false);
      assert.equal(again[0]?.source.id, first[0]?.source.id);
      const b = await sources.getSource('http://b.test/rss');
      assert.equal(b?.fullText, 'always');
      assert.equal(b?.intervalSeconds, 60);
      assert.equal(b?.state, 'active');
      assert.equal(b?.consecutiveFailures, 0);
      assert.equal((await sources.getSource(b!.id))?.url, 'http://b.test/rss');
      assert.deepEqual(
        (await sources.listSources()).map((s) => s.url),
        ['http://a.test/feed', 'http://b.test/rss'],
      );
      assert.equal(await sources.removeSource(b!.id), true);
      assert.equal(await sources.getSource(b!.id), undefined);
    });

    it('claims due sources once until the poll is recorded or the lease ends', async (sources) => {
      await sources.addSources([{ url: 'http://a.test/1' }, { url: 'http://a.test/2' }], T0);
      assert.equal((await sources.listDueSources(at(1), 10)).length, 2);
      const one = await sources.claimDueSources('w1', at(1), 60_000, 10);
      assert.equal((await sources.listDueSources(at(1), 10)).length, 0, 'leased ones are not due');
      assert.equal(one.length, 2);
      assert.equal((await sources.claimDueSources('w2', at(2), 60_000, 10)).length, 0, 'leased');
      const id = one[0]!.id;
      assert.equal(await sources.recordPoll(id, 'w2', poll()), false, 'not the owner');
      assert.equal(await sources.recordPoll(id, 'w1', poll()), true);
      const polled = await sources.getSource(id);
      assert.equal(polled?.etag, '"v1"');
      assert.equal(polled?.itemsTotal, 3);
      assert.equal(polled?.polls, 1);
      assert.equal(polled?.title, 'Feed title');
      assert.equal(polled?.nextPollAt, at(610));
      assert.equal(polled?.lastSuccessAt, at(10));
      // Not due before its next poll; the other one's lease expires after 60 s.
      const later = await sources.claimDueSources('w3', at(120), 60_000, 10);
      assert.deepEqual(
        later.map((s) => s.id),
        [one[1]!.id],
      );
      assert.equal(await sources.claimSource(id, 'w4', at(130), 1000), undefined, 'not due yet');
      assert.equal((await sources.claimSource(id, 'w4', at(700), 1000))?.id, id, 'due');
      assert.equal(await sources.claimSource(id, 'w5', at(700), 1000), undefined, 'held');
    });

    it('a 304 keeps the validators; failures and disabling are recorded with the reason', async (sources) => {
      const [added] = await sources.addSources([{ url: 'http://a.test/x' }], T0);
      const id = added!.source.id;
      await sources.claimSource(id, 'w', at(1), 1000);
      await sources.recordPoll(id, 'w', poll());
      assert.ok(await sources.claimSource(id, 'w', at(700), 1000));
      await sources.recordPoll(
        id,
        'w',
        poll({
          status: 304,
          notModified: true,
          newItems: 0,
          etag: undefined,
          lastModified: undefined,
        }),
      );
      let source = await sources.getSource(id);
      assert.equal(source?.etag, '"v1"');
      assert.equal(source?.notModified, 1);
      assert.ok(await sources.claimSource(id, 'w', at(1400), 1000));
      await sources.recordPoll(
        id,
        'w',
        poll({
          succeeded: false,
          status: 500,
          error: 'HTTP 500',
          newItems: 0,
          consecutiveFailures: 5,
          disable: 'disabled after 5 failures: HTTP 500',
        }),
      );
      source = await sources.getSource(id);
      assert.equal(source?.state, 'disabled');
      assert.equal(source?.lastError, 'HTTP 500');
      assert.match(source?.disabledReason ?? '', /5 failures/);
      assert.equal((await sources.claimDueSources('w', at(99999), 1000, 10)).length, 0);
      await sources.setSourceState(id, 'active', at(2000));
      source = await sources.getSource(id);
      assert.equal(source?.state, 'active');
      assert.equal(source?.consecutiveFailures, 0);
      assert.equal(source?.disabledReason, undefined);
      await sources.setSourceState(id, 'paused', at(2001));
      assert.equal(await sources.nextDueAt(), undefined);
      await sources.updateSourceSettings(id, { fullText: 'never', intervalSeconds: 120 });
      assert.equal((await sources.getSource(id))?.fullText, 'never');
    });
  });

  describe(`watchlists contract: ${target.name}`, () => {
    const newList = (id: string, name: string) => ({
      id,
      name,
      query: 'HIMARS',
      conditions: { entities: ['e1'] },
      minArticles: 1,
      channels: { webhook: { url: 'http://127.0.0.1:1/hook', secret: 's' } },
      feedToken: `tok-${id}`,
      startSeq: 0,
      now: T0,
    });

    it('saves, finds by id or name, edits and removes watchlists', async (_s, watchlists) => {
      await watchlists.saveWatchlist(newList('w1', 'himars'));
      await watchlists.saveWatchlist(newList('w2', 'storm'));
      assert.equal((await watchlists.getWatchlist('himars'))?.id, 'w1');
      assert.deepEqual((await watchlists.getWatchlist('w1'))?.conditions, { entities: ['e1'] });
      assert.deepEqual(
        (await watchlists.listWatchlists()).map((w) => w.name),
        ['himars', 'storm'],
      );
      const edited = await watchlists.updateWatchlist(
        'w1',
        { state: 'paused', query: 'HIMARS OR M142' },
        at(5),
      );
      assert.equal(edited?.state, 'paused');
      assert.equal(edited?.query, 'HIMARS OR M142');
      assert.equal(edited?.updatedAt, at(5));
      assert.equal(await watchlists.removeWatchlist('w2'), true);
      assert.equal(await watchlists.getWatchlist('storm'), undefined);
    });

    it('alerts once per watchlist and group; unread counts; deliveries claimed and recorded', async (_s, watchlists) => {
      await watchlists.saveWatchlist(newList('w1', 'himars'));
      const alert = (id: string, articleId: string, groupKey: string, seconds: number) => ({
        id,
        watchlistId: 'w1',
        articleId,
        groupKey,
        title: `t ${id}`,
        entities: ['HIMARS'],
        createdAt: at(seconds),
      });
      const first = await watchlists.addAlerts([
        alert('a1', 'x1', 'x1', 1),
        alert('a2', 'x2', 'x1', 2),
        alert('a3', 'x3', 'x3', 3),
      ]);
      assert.deepEqual(
        first.map((a) => a.id),
        ['a1', 'a3'],
        'the copy in group x1 does not alert again',
      );
      assert.deepEqual(
        (await watchlists.listAlerts({ limit: 10 })).map((a) => a.id),
        ['a3', 'a1'],
      );
      assert.deepEqual(
        (await watchlists.listAlerts({ limit: 10, before: 'a3' })).map((a) => a.id),
        ['a1'],
      );
      assert.deepEqual(await watchlists.countUnread(), { w1: 2 });
      assert.equal(await watchlists.markAlertsRead({ ids: ['a1'] }, at(9)), 1);
      assert.deepEqual(
        (await watchlists.listAlerts({ limit: 10, unreadOnly: true })).map((a) => a.id),
        ['a3'],
      );
      assert.equal((await watchlists.getAlert('a1'))?.readAt, at(9));
      assert.equal((await watchlists.getAlert('a1'))?.why, undefined);
      const why = ['new dependency edge: Estonia -[ordered]-> HIMARS', 'evidence: "…"'];
      await watchlists.addAlerts([{ ...alert('a4', 'x4', 'edge:ee|himars', 4), why }]);
      assert.deepEqual((await watchlists.getAlert('a4'))?.why, why, 'the reason round-trips');

      await watchlists.addDeliveries([
        { id: 'd1', alertId: 'a1', watchlistId: 'w1', channel: 'webhook', createdAt: at(1) },
      ]);
      const claimed = await watchlists.claimDueDeliveries('me', at(2), 10_000, 5);
      assert.deepEqual(
        claimed.map((d) => d.id),
        ['d1'],
      );
      assert.equal((await watchlists.claimDueDeliveries('you', at(3), 10_000, 5)).length, 0);
      await watchlists.recordDelivery('d1', {
        state: 'pending',
        attempts: 1,
        nextAttemptAt: at(60),
        lastError: 'HTTP 500',
        lastStatus: 500,
      });
      assert.equal(
        (await watchlists.claimDueDeliveries('you', at(30), 10_000, 5)).length,
        0,
        'backing off',
      );
      assert.equal((await watchlists.claimDueDeliveries('you', at(61), 10_000, 5)).length, 1);
      await watchlists.recordDelivery('d1', {
        state: 'sent',
        attempts: 2,
        nextAttemptAt: at(61),
        lastStatus: 204,
        sentAt: at(61),
      });
      const [logged] = await watchlists.listDeliveries({ watchlistId: 'w1', limit: 5 });
      assert.equal(logged?.state, 'sent');
      assert.equal(logged?.attempts, 2);
      assert.equal(logged?.lastError, undefined);
    });

    it('lists stored articles after a position and keeps cursors moving forward', async (_s, watchlists, store) => {
      assert.equal(await watchlists.latestArticleSeq(), 0);
      const saved = await store.saveArticles([draftFor('a'), draftFor('b'), draftFor('c')]);
      const all = await watchlists.articlesAfter(0, 10);
      assert.deepEqual(
        all.map((a) => a.id),
        saved.map((s) => s.id),
      );
      const after = await watchlists.articlesAfter(all[0]!.seq, 1);
      assert.deepEqual(
        after.map((a) => a.id),
        [saved[1]!.id],
      );
      assert.equal(await watchlists.latestArticleSeq(), all[2]!.seq);
      const seqs = await watchlists.seqsOf([saved[2]!.id, saved[0]!.id, 'missing']);
      assert.deepEqual(
        [...seqs].sort((x, y) => x[1] - y[1]),
        [
          [saved[0]!.id, all[0]!.seq],
          [saved[2]!.id, all[2]!.seq],
        ],
        'seqsOf gives storage positions and leaves unknown ids out',
      );
      assert.equal(await watchlists.getCursor('watchlists'), undefined);
      await watchlists.advanceCursor('watchlists', 5);
      await watchlists.advanceCursor('watchlists', 3);
      assert.equal(await watchlists.getCursor('watchlists'), 5);
    });
  });
};
