import pg from 'pg';
import { AppError } from '../../core/errors.js';

export interface PostgresConnectionOptions {
  /** postgres://user@host:port/db; a `schema` query parameter selects the schema (search_path). */
  readonly url: string;
  /** Schema to work in; created when missing. Overrides the URL's `schema` parameter. */
  readonly schema?: string;
  /** Upper bound of pooled connections; a worker needs one per concurrent job plus one. */
  readonly poolMax?: number;
  readonly applicationName?: string;
  /**
   * Session settings for every pooled connection (sent as startup options), e.g. the queue's
   * `synchronous_commit: 'off'`. Keys and values must be plain words.
   */
  readonly sessionSettings?: Readonly<Record<string, string>>;
}

export interface PostgresTarget {
  /** The URL without our own `schema` parameter, as the driver expects it. */
  readonly connectionString: string;
  readonly schema?: string;
  /** host:port/database, never the password: safe for error messages and logs. */
  readonly label: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/i;

export const describeTarget = (options: PostgresConnectionOptions): PostgresTarget => {
  let url: URL;
  try {
    url = new URL(options.url);
  } catch (cause) {
    throw new AppError('INVALID_ARGUMENT', 'the PostgreSQL URL is malformed', { cause });
  }
  const fromUrl = url.searchParams.get('schema') ?? undefined;
  url.searchParams.delete('schema');
  const schema = options.schema ?? fromUrl;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new AppError('INVALID_ARGUMENT', `invalid PostgreSQL schema name "${schema}"`);
  }
  const host = url.hostname || 'localhost';
  const port = url.port || '5432';
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || '(default)';
  return {
    connectionString: url.toString(),
    ...(schema !== undefined ? { schema } : {}),
    label: `${host}:${port}/${database}`,
  };
};

const SETTING_WORD = /^[a-z_][a-z0-9_.]*$/i;
/** Values may be numbers too (statement_timeout=1500). */
const SETTING_VALUE = /^[a-z0-9_][a-z0-9_.]*$/i;

const startupOptions = (
  target: PostgresTarget,
  options: PostgresConnectionOptions,
): { options?: string } => {
  const settings: string[] = [];
  if (target.schema !== undefined) settings.push(`-c search_path=${target.schema},public`);
  for (const [key, value] of Object.entries(options.sessionSettings ?? {})) {
    if (!SETTING_WORD.test(key) || !SETTING_VALUE.test(value)) {
      throw new AppError('INVALID_ARGUMENT', `invalid PostgreSQL session setting ${key}=${value}`);
    }
    settings.push(`-c ${key}=${value}`);
  }
  return settings.length > 0 ? { options: settings.join(' ') } : {};
};

/**
 * One pool per process and backend object. search_path is set as a startup option, so every
 * pooled connection works in the chosen schema without an extra round trip; `public` stays on the
 * path because the unaccent extension usually lives there.
 */
export const createPool = (target: PostgresTarget, options: PostgresConnectionOptions): pg.Pool => {
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: options.poolMax ?? 10,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    application_name: options.applicationName ?? 'sitrep',
    ...startupOptions(target, options),
  });
  // An idle connection dropped by the server must not crash the process: the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
};

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  'EHOSTUNREACH',
  '3D000', // database does not exist
  '28P01', // password authentication failed
  '28000', // no pg_hba.conf entry / role
  '57P03', // the database system is starting up
]);

const errorCode = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
};

/** True for failures to reach the server at all, as opposed to a failing statement. */
export const isConnectionError = (error: unknown): boolean => {
  const code = errorCode(error);
  if (code !== undefined && CONNECTION_CODES.has(code)) return true;
  const message = (error as Error | undefined)?.message ?? '';
  return /timeout exceeded when trying to connect|Connection terminated/i.test(message);
};

export const unavailable = (target: PostgresTarget, cause: unknown): AppError =>
  new AppError(
    'STORE_UNAVAILABLE',
    `cannot connect to PostgreSQL at ${target.label}: ${(cause as Error).message || errorCode(cause) || 'unknown error'}`,
    { cause },
  );

const createSchema = async (pool: pg.Pool, schema: string): Promise<void> => {
  try {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } catch (error) {
    // Two processes creating the same schema at once: the loser sees a duplicate, which is fine.
    const code = errorCode(error);
    if (code !== '42P06' && code !== '23505') throw error;
  }
};

/** Opens the pool and proves it works, creating the schema when one is named. */
export const connect = async (
  options: PostgresConnectionOptions,
): Promise<{ pool: pg.Pool; target: PostgresTarget }> => {
  const target = describeTarget(options);
  const pool = createPool(target, options);
  try {
    if (target.schema !== undefined) await createSchema(pool, target.schema);
    else await pool.query('SELECT 1');
  } catch (cause) {
    await pool.end().catch(() => undefined);
    if (isConnectionError(cause)) throw unavailable(target, cause);
    throw new AppError(
      'STORE_UNAVAILABLE',
      `PostgreSQL at ${target.label} refused to start a session: ${(cause as Error).message}`,
      { cause },
    );
  }
  return { pool, target };
};

/** Runs `body` in one transaction on one pooled connection; rolls back on any error. */
export const inTransaction = async <T>(
  pool: pg.Pool,
  body: (client: pg.PoolClient) => Promise<T>,
): Promise<T> => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await body(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
};

/** Deadlocks and serialisation failures are safe to retry from the start of the transaction. */
export const isRetryableTransactionError = (error: unknown): boolean => {
  const code = errorCode(error);
  return code === '40P01' || code === '40001';
};
