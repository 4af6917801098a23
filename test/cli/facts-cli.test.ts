import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { FACT_FIXTURE, loadFactFixture } from '../../src/store/facts-fixture.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { runSitrep, tempDir, type CliRun } from './cli-harness.js';

const dir = tempDir('sitrep-facts-');
const db = join(dir.path, 'facts.db');
let ids = new Map<string, string>();
after(() => dir.remove());

/** `[start-end]` of a phrase in a fixture article, as the commands print it. */
const at = (key: string, phrase: string): string => {
  const text = FACT_FIXTURE.find((a) => a.key === key)!.text;
  const start = text.indexOf(phrase);
  assert.ok(start >= 0);
  return `[${start}-${start + phrase.length}]`;
};

before(async () => {
  const store = SqliteStore.open({ path: db });
  try {
    ids = await loadFactFixture(store);
  } finally {
    await store.close();
  }
});

const sitrep = (args: readonly string[]): Promise<CliRun> => runSitrep(args);

describe('entity and fact commands', () => {
  test('entities lists by articles, filters by type and prefix', async () => {
    const all = (await sitrep(['entities', '--db', db, '--json'])).json<{
      entities: { id: string; articles: number }[];
    }>();
    assert.deepEqual(
      all.entities.slice(0, 3).map((e) => [e.id, e.articles]),
      [
        ['kb:himars', 2],
        ['kb:ee', 2],
        ['kb:nato', 2],
      ],
    );
    const weapons = await sitrep(['entities', '--db', db, '--type', 'WEAPON', '--prefix', 'raf']);
    assert.equal(weapons.code, 0, weapons.stderr);
    assert.equal(weapons.stdout.trim().split('\n').length, 1);
    assert.match(
      weapons.stdout,
      /^kb:rafale +WEAPON +Rafale {2}1 article {2}1 mention {2}2025-03-20\.\.2025-03-20$/m,
    );
    const bad = await sitrep(['entities', '--db', db, '--limit', '0']);
    assert.equal(bad.code, 2);
  });

  test('entity shows summary, timeline, company, quotes, relations and figures', async () => {
    const byName = await sitrep(['entity', 'hanno pevkur', '--db', db, '--json']);
    assert.equal(byName.code, 0, byName.stderr);
    const report = byName.json<{
      entity: { id: string; articles: number };
      timeline: { month: string; articles: number }[];
      cooccurring: { id: string; together: number }[];
      quotes: { text: string; articleId: string }[];
      relations: unknown[];
      figures: { text: string }[];
    }>();
    assert.equal(report.entity.id, 'kb:pevkur');
    assert.deepEqual(report.timeline, [{ month: '2025-03', articles: 1 }]);
    assert.deepEqual(
      report.cooccurring.map((e) => e.id),
      ['kb:ee', 'kb:himars', 'kb:nato'],
    );
    assert.deepEqual(
      report.quotes.map((q) => [q.text, q.articleId]),
      [['"Delivered,"', ids.get('himars')]],
    );
    assert.deepEqual(report.relations, []);
    assert.deepEqual(
      report.figures.map((f) => f.text),
      ['six HIMARS launchers', '€200 million'],
    );

    const human = await sitrep(['entity', 'kb:nato', '--db', db]);
    assert.equal(human.code, 0, human.stderr);
    assert.match(
      human.stdout,
      /^kb:nato +ORG +NATO {2}2 articles {2}2 mentions {2}2025-01-15\.\.2025-03-04$/m,
    );
    assert.match(human.stdout, /^ {2}2025-01 {2}1$/m);
    const rafale = ids.get('rafale')!;
    const negated = `  ${rafale} ${at('rafale', 'it is not a NATO member')}  Serbia <kb:rs>  NOT member_of  NATO <kb:nato>`;
    assert.ok(human.stdout.includes(`${negated}\n`), human.stdout);
  });

  test('an unknown entity is a clear error with exit 1', async () => {
    const run = await sitrep(['entity', 'Atlantis', '--db', db]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /no entity with id or name "Atlantis"/);
    assert.equal(run.stdout, '');
  });

  test('figures filter by entity name, kind and unit and print provenance', async () => {
    const money = await sitrep(['figures', '--db', db, '--kind', 'money']);
    assert.equal(money.code, 0, money.stderr);
    const himars = ids.get('himars')!;
    assert.equal(
      money.stdout,
      `${himars} ${at('himars', '€200 million')}  money       200000000 EUR  "€200 million"  of: HIMARS launchers\n`,
    );
    const troops = (
      await sitrep(['figures', '--db', db, '--entity', 'NATO', '--unit', 'TROOPS', '--json'])
    ).json<{
      figures: { articleId: string; value: number }[];
      next_cursor: string | null;
    }>();
    assert.deepEqual(
      troops.figures.map((f) => [f.articleId, f.value]),
      [[ids.get('nato'), 300000]],
    );
    assert.equal((await sitrep(['figures', '--db', db, '--kind', 'weight'])).code, 2);
  });

  test('figures and quotes page with a cursor', async () => {
    const first = (await sitrep(['figures', '--db', db, '--limit', '3', '--json'])).json<{
      figures: { text: string }[];
      next_cursor: string;
    }>();
    assert.equal(first.figures.length, 3);
    const rest = (
      await sitrep(['figures', '--db', db, '--limit', '3', '--cursor', first.next_cursor, '--json'])
    ).json<{ figures: { text: string }[]; next_cursor: string | null }>();
    assert.deepEqual(
      rest.figures.map((f) => f.text),
      ['300,000 troops', '5%'],
    );
    assert.equal(rest.next_cursor, null);
    const human = await sitrep(['quotes', '--db', db, '--limit', '1']);
    assert.match(human.stdout, /^more: --cursor \S+$/m);
  });

  test('quotes by speaker and in articles mentioning an entity', async () => {
    const rutte = await sitrep(['quotes', '--db', db, '--speaker', 'kb:rutte']);
    assert.equal(rutte.code, 0, rutte.stderr);
    assert.equal(
      rutte.stdout,
      `${ids.get('nato')} ${at('nato', '"We must spend 5%,"')}  Rutte <kb:rutte>: "We must spend 5%,"\n`,
    );
    const estonia = (await sitrep(['quotes', '--db', db, '--entity', 'Estonia', '--json'])).json<{
      quotes: { speaker: string; anonymous: boolean }[];
    }>();
    assert.deepEqual(
      estonia.quotes.map((q) => [q.speaker, q.anonymous]),
      [
        ['Aleksandar Vucic', false],
        ['an official', true],
        ['Pevkur', false],
      ],
    );
    const anonymous = await sitrep(['quotes', '--db', db, '--entity', 'kb:ee']);
    assert.match(anonymous.stdout, /an official \(anonymous\): "It is on schedule,"/);
  });
});
