import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type pg from 'pg';
import { connect } from './connection.js';
import { newestMatches } from './newest-matches.js';
import { createTestSchema, skipUnlessPostgres, type TestSchema } from './test-database.js';

/**
 * The recency tiers with the columns a search reads beside each match: every tier numbers the
 * keep condition's parameters and its own after the tsquery. With 150,000 articles and 12 wanted,
 * "common" fills the first tier (the newest 65,536); "sparse" has 11 there, so the range they
 * predict (65,536 x 12 x 2 / 11, about 143,000 back) is searched next and holds 24; "rare" has too
 * few for any range and is left to the whole archive.
 */
const ARTICLES = 150_000;

let schema: TestSchema | undefined;
let pool: pg.Pool | undefined;

before(async () => {
  if (skipUnlessPostgres) return;
  schema = createTestSchema('newest');
  pool = (await connect({ url: schema.url, poolMax: 2 })).pool;
  // Words by density: "common" in every 2nd article, "sparse" in every 5,000th, "rare" in two.
  await pool.query(`
    CREATE TABLE articles (seq bigint PRIMARY KEY, id text NOT NULL, published text,
                           source_key text, search_vector tsvector NOT NULL);
    CREATE INDEX articles_search ON articles USING gin (search_vector);
    CREATE TABLE syndication_decisions (article_id text PRIMARY KEY, canonical_id text);
    INSERT INTO articles
      SELECT n, 'a' || n, NULL, CASE WHEN n % 3 = 0 THEN 'wire' ELSE 'paper' END,
             to_tsvector('simple', concat_ws(' ', 'filler',
               CASE WHEN n % 2 = 0 THEN 'common' END,
               CASE WHEN n % 6000 = 0 THEN 'sparse' END,
               CASE WHEN n IN (17, 4242) THEN 'rare' END))
        FROM generate_series(1, ${ARTICLES}) AS n;
    INSERT INTO syndication_decisions
      SELECT 'a' || n, CASE WHEN n % 4 = 0 THEN 'a' || (n - 1) END
        FROM generate_series(1, ${ARTICLES}) AS n;
    ANALYZE articles; ANALYZE syndication_decisions;`);
});

after(async () => {
  await pool?.end();
  await schema?.drop();
});

/** What each query must give: its newest `count` matches, filtered and mapped as the SQL would. */
const expected = (matches: (n: number) => boolean, count: number) => {
  const seqs: number[] = [];
  for (let n = ARTICLES; n >= 1 && seqs.length < count; n--) if (matches(n)) seqs.push(n);
  return seqs.map((n) => ({
    seq: n,
    id: `a${n}`,
    kept: n % 3 === 0,
    canonical: n % 4 === 0 ? `a${n - 1}` : null,
  }));
};

for (const [word, matches, tier] of [
  ['common', (n: number) => n % 2 === 0, 'the first tier'],
  ['sparse', (n: number) => n % 6000 === 0, 'the predicted range'],
  ['rare', (n: number) => n === 17 || n === 4242, 'the whole archive'],
] as const) {
  test(
    `newest matches of "${word}" (answered by ${tier}) carry the keep condition and canonical ids`,
    { skip: skipUnlessPostgres },
    async () => {
      assert.ok(pool);
      const got = await newestMatches(pool, `'${word}'`, 12, true, {
        keep: { sql: 'a.source_key = $2', params: ['wire'] },
        canonical: true,
      });
      assert.deepEqual(
        got.map(({ seq, id, kept, canonical }) => ({ seq, id, kept, canonical })),
        expected(matches, 12),
      );
      assert.ok(got.every((match) => match.score > 0));
      const plain = await newestMatches(pool, `'${word}'`, 12, false);
      assert.deepEqual(
        plain.map(({ seq, kept, canonical, score }) => ({ seq, kept, canonical, score })),
        expected(matches, 12).map(({ seq }) => ({ seq, kept: true, canonical: null, score: 0 })),
      );
    },
  );
}
