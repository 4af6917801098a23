import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import { inlineParameters } from './inline-parameters.js';
import { skipUnlessPostgres, TEST_PG_URL } from './test-database.js';

if (skipUnlessPostgres) console.log(`inline-parameters: ${skipUnlessPostgres}`);

test('a parameter index past the values is an error, not an empty literal', () => {
  assert.throws(() => inlineParameters('SELECT $1, $2', [1]), /no parameter \$2/);
});

test('$1 and $10 are told apart', () => {
  const values = Array.from({ length: 10 }, (_, i) => i + 1);
  assert.equal(inlineParameters('SELECT $1, $10', values), "SELECT '1', '10'");
});

test(
  'inlined literals read back as the same values as bound parameters',
  { skip: skipUnlessPostgres },
  async () => {
    const client = new pg.Client({ connectionString: TEST_PG_URL });
    await client.connect();
    try {
      const sql = `SELECT $1::text AS quote, $2::text AS backslash, $3::bigint[] AS bands,
        $4::double precision AS weight, $5::bytea AS bytes, $6::text[] AS terms, $7::jsonb AS doc,
        $8::text AS nothing, $9::integer[] AS counts, $10::jsonb[] AS docs, $11::text AS unicode`;
      const values = [
        "it's a 'quote'",
        'C:\\path\\n',
        [0, 137438953471, 42],
        0.1 + 0.2,
        Buffer.from([0, 1, 254, 255]),
        ['a,b', 'say "hi"', 'back\\slash', '{brace}', 'NULL', ''],
        JSON.stringify({ a: [1, 'two'], b: "o'k" }),
        null,
        [-1, 0, 2],
        [JSON.stringify(['x', 1]), JSON.stringify({ q: '"' })],
        'Zürich — 東京 🚀',
      ];
      const bound = await client.query(sql, values);
      const inlined = await client.query(inlineParameters(sql, values));
      assert.deepEqual(inlined.rows, bound.rows);
      assert.equal(bound.rows[0].weight, 0.1 + 0.2);
    } finally {
      await client.end();
    }
  },
);
