import { createRequire } from 'node:module';
import pg from 'pg';

/** The driver's own conversion of a parameter to its text form (what it sends for `$n`). */
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as {
  prepareValue: (value: unknown) => string | Buffer | null;
};

const literal = (value: unknown): string => {
  const prepared = prepareValue(value);
  if (prepared === null) return 'NULL';
  // A top-level Buffer is sent as binary; its text form is bytea's hex format.
  if (Buffer.isBuffer(prepared)) return pg.escapeLiteral(`\\x${prepared.toString('hex')}`);
  return pg.escapeLiteral(prepared);
};

/**
 * `sql` with every `$n` replaced by its parameter as a quoted literal: the same text the driver
 * would send as that parameter, so the server reads the same value (an untyped literal is inferred
 * from its context as an untyped parameter is; our statements cast where it matters). Lets several
 * statements travel in one simple-protocol round trip. `sql` must hold no `$n` outside parameters
 * (no dollar quoting).
 */
export const inlineParameters = (sql: string, params: readonly unknown[]): string =>
  sql.replace(/\$(\d+)/g, (_match, n: string) => {
    const index = Number(n) - 1;
    if (index < 0 || index >= params.length) throw new Error(`no parameter $${n}`);
    return literal(params[index]);
  });

/** One statement and its parameters, to be sent with others (queryAll). */
export type Statement = readonly [sql: string, params: readonly unknown[]];

/**
 * Runs the statements in one simple-protocol round trip (parameters inlined): one result per
 * statement, in order. In a transaction, or as one implicit transaction of their own.
 */
export const queryAll = async (
  client: Pick<pg.PoolClient, 'query'> | pg.Pool,
  statements: readonly Statement[],
): Promise<pg.QueryResult[]> => {
  if (statements.length === 0) return [];
  const results = (await client.query(
    statements.map(([sql, params]) => inlineParameters(sql, params)).join(';\n'),
  )) as pg.QueryResult | pg.QueryResult[];
  return Array.isArray(results) ? results : [results];
};

/**
 * The statements as one transaction in one round trip (BEGIN and COMMIT travel with them): all or
 * nothing, rolled back on any error. One result per statement.
 */
export const transactAll = async (
  pool: pg.Pool,
  statements: readonly Statement[],
): Promise<pg.QueryResult[]> => {
  const client = await pool.connect();
  try {
    const results = await queryAll(client, [['BEGIN', []], ...statements, ['COMMIT', []]]);
    return results.slice(1, -1);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
};
