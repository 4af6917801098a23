import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { openStore } from '../../src/store/open-store.js';
import type { AlertRecord } from '../../src/store/watchlists-port.js';
import { runSitrep, tempDir } from '../cli/cli-harness.js';
import { sharedPath, skipUnlessShared } from '../shared-data.js';

const SEEDS = sharedPath('seeds');

interface IngestJson {
  added: number;
  copies: number;
  watchlists?: { articles: number; alerts: number };
}

/**
 * The ledger conditions end to end, as an analyst uses them: watchlists made with the CLI, then
 * `sitrep ingest` of the real seed files raises the alerts (no serve, no `watchlist run`).
 * Seed 001 states "at least 52 countries" and, later, "20 countries" for the Ukraine Defense
 * Contact Group; seed 003 says Estonia acquired US-made HIMARS.
 */
describe(
  'ledger watchlist conditions over ../shared/seeds',
  { skip: skipUnlessShared('seeds') },
  () => {
    const temp = tempDir('sitrep-watch-ledger-');
    const db = join(temp.path, 'seeds.db');
    after(() => temp.remove());

    const sitrep = async (...args: string[]) => {
      const run = await runSitrep([...args, '--db', db]);
      assert.equal(run.code, 0, `sitrep ${args.join(' ')}: ${run.stderr}`);
      return run;
    };
    const alertsOf = async (name: string) =>
      (await sitrep('watchlist', 'alerts', name, '--json')).json<AlertRecord[]>();
    /** Article id by seed file prefix ("001"), from the stored provenance. */
    const articleOf = async (prefix: string): Promise<string> => {
      const store = await openStore(db);
      try {
        for await (const article of store.streamArticles())
          if (basename(article.provenance.path ?? '').startsWith(prefix)) return article.id;
      } finally {
        await store.close();
      }
      throw new Error(`no stored article from seed ${prefix}`);
    };

    test('each condition fires once, for the article that brings the conflict or the edge, and says why', async () => {
      await sitrep('watchlist', 'add', 'udcg', '--conflict-about', 'Ukraine Defense Contact Group');
      await sitrep('watchlist', 'add', 'estonia', '--new-edge-for', 'Estonia');
      // The same condition narrowed by a query that no seed matches: never fires.
      await sitrep('watchlist', 'add', 'none', '--query', 'Gripen', '--new-edge-for', 'Estonia');

      const first = (await sitrep('ingest', SEEDS!, '--json')).json<IngestJson>();
      assert.equal(first.added, 4);
      assert.equal(first.watchlists?.articles, 4);

      const conflicts = await alertsOf('udcg');
      assert.equal(conflicts.length, 1, JSON.stringify(conflicts.map((a) => a.why)));
      const seed001 = await articleOf('001');
      assert.equal(conflicts[0]?.articleId, seed001);
      const why = conflicts[0]?.why ?? [];
      const seed001Text = readFileSync(
        join(
          SEEDS!,
          readdirSync(SEEDS!).find((f) => f.startsWith('001'))!,
        ),
        'utf8',
      );
      const sides = why.filter((line) => /^[AB]: /.test(line));
      assert.equal(sides.length, 2, 'both sides of the conflict');
      assert.ok(sides.some((line) => /\b52 countries/.test(line)));
      assert.ok(sides.some((line) => /\b20 countries/.test(line)));
      for (const line of sides) {
        const sentence = /: "(.*)"$/.exec(line)?.[1] ?? '';
        assert.ok(
          sentence.length > 20 &&
            seed001Text.replace(/\s+/g, ' ').includes(sentence.replace(/\s+/g, ' ')),
          `evidence sentence from the seed: ${line}`,
        );
      }
      assert.ok(why.some((line) => line.startsWith('disagree beyond qualifiers')));

      const edges = await alertsOf('estonia');
      assert.equal(edges.length, 1, JSON.stringify(edges.map((a) => a.why)));
      assert.equal(edges[0]?.articleId, await articleOf('003'));
      const edgeWhy = edges[0]?.why ?? [];
      assert.match(edgeWhy[0] ?? '', /^new dependency edge: Estonia -\[\w+\]-> HIMARS/);
      assert.match(edgeWhy[1] ?? '', /evidence .*Estonia.*HIMARS/);
      assert.deepEqual(await alertsOf('none'), []);

      // Re-ingest: nothing is stored, nothing alerts.
      const again = (await sitrep('ingest', SEEDS!, '--json')).json<IngestJson>();
      assert.equal(again.added, 0);
      assert.equal(again.watchlists?.alerts, 0);

      // A syndicated copy of seed 001 under another URL carries the same conflict: collapsed.
      const mirror = join(temp.path, 'mirror');
      mkdirSync(mirror);
      writeFileSync(join(mirror, 'mirror-udcg.txt'), `${seed001Text}\n`);
      const copied = (await sitrep('ingest', mirror, '--json')).json<IngestJson>();
      assert.equal(copied.added, 1);
      assert.equal(copied.copies, 1, 'stored as a copy of seed 001');
      assert.equal(copied.watchlists?.alerts, 0, 'one wire story alerts once');
      assert.equal((await alertsOf('udcg')).length, 1);
      assert.equal((await alertsOf('estonia')).length, 1);

      // `watchlist test` over the archive finds the same articles, with the same reasons.
      for (const [name, alerts] of [
        ['udcg', conflicts],
        ['estonia', edges],
      ] as const) {
        const dry = (await sitrep('watchlist', 'test', name, '--json')).json<{
          matches: { articleId: string; why?: string[] }[];
        }>();
        assert.deepEqual(
          dry.matches.map((m) => m.articleId),
          alerts.map((a) => a.articleId),
          `dry run of ${name}`,
        );
        assert.deepEqual(dry.matches[0]?.why, alerts[0]?.why);
      }
    });

    test('a watchlist needs a query or a ledger condition', async () => {
      const run = await runSitrep(['watchlist', 'add', 'empty', '--db', db]);
      assert.notEqual(run.code, 0);
      assert.match(run.stderr, /query is required unless conflict_about or new_edge_for/);
    });
  },
);
