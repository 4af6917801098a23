import { spawn } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type pg from 'pg';
import { AppError } from '../../core/errors.js';
import { createPool, describeTarget, type PostgresTarget } from './connection.js';
import { checksumPostgres, sameStoreChecksum, type StoreChecksum } from './store-checksum.js';

/**
 * `sitrep backup` / `restore` on PostgreSQL: pg_dump (custom format) of the store's schema and
 * pg_restore, verified by the store checksum `sitrep migrate` computes. The checksum is taken in
 * the very snapshot pg_dump dumps (an exported snapshot), so a store that is serving and ingesting
 * still gets a backup whose checksum describes it exactly; it is kept beside the dump in
 * FILE.checksum.json, and `restore` recomputes it on the restored schema.
 */
export interface PostgresBackupReport {
  readonly file: string;
  readonly bytes: number;
  readonly schema: string;
  readonly checksum: StoreChecksum;
}

export interface PostgresRestoreReport {
  readonly store: string;
  readonly schema: string;
  readonly backupChecksum: StoreChecksum;
  readonly restoredChecksum: StoreChecksum;
  readonly verified: boolean;
}

interface ChecksumFile {
  readonly format: 'sitrep-postgres-backup-1';
  readonly schema: string;
  readonly createdAt: string;
  readonly checksum: StoreChecksum;
}

export const checksumFileOf = (file: string): string => `${file}.checksum.json`;

/** Where the client tools are: SITREP_PG_DUMP / SITREP_PG_RESTORE, else PATH. */
export interface PostgresToolOptions {
  readonly force?: boolean;
  /** The environment to read SITREP_PG_DUMP / SITREP_PG_RESTORE from (the CLI's). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

const tool = (name: 'pg_dump' | 'pg_restore', options: PostgresToolOptions): string =>
  options.env?.[name === 'pg_dump' ? 'SITREP_PG_DUMP' : 'SITREP_PG_RESTORE'] ?? name;

/** libpq settings for the tools: the URL without password and schema on the command line, the password in the environment. */
const toolConnection = (target: PostgresTarget): { dbname: string; env: NodeJS.ProcessEnv } => {
  const url = new URL(target.connectionString);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return {
    dbname: url.toString(),
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
  };
};

/** Runs a client tool to completion; a missing tool is a clear error naming it and how to get it. */
const runTool = (
  name: 'pg_dump' | 'pg_restore',
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  options: PostgresToolOptions,
): Promise<void> =>
  new Promise((resolve, reject) => {
    const child = spawn(tool(name, options), args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString();
    });
    child.on('error', (cause: NodeJS.ErrnoException) => {
      reject(
        cause.code === 'ENOENT'
          ? new AppError(
              'INVALID_ARGUMENT',
              `${name} was not found: install the PostgreSQL client tools (e.g. \`apt install postgresql-client\`, the same major version as the server or newer) or set SITREP_${name.toUpperCase()} to its path`,
              { cause },
            )
          : new AppError('STORE_UNAVAILABLE', `${name} could not start: ${cause.message}`, {
              cause,
            }),
      );
    });
    child.on('close', (code) => {
      if (code === 0) resolve();
      else
        reject(
          new AppError(
            'STORE_UNAVAILABLE',
            `${name} failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' / ')}`,
          ),
        );
    });
  });

/**
 * A pg.Pool stand-in that runs every query on one client inside the caller's snapshot
 * transaction: the checksum's own BEGIN/COMMIT become no-ops, so it reads what pg_dump dumps.
 */
const inSnapshot = (client: pg.PoolClient): pg.Pool => {
  const query = (text: unknown, values?: unknown) =>
    typeof text === 'string' && /^\s*(BEGIN|COMMIT|ROLLBACK)\b/i.test(text)
      ? Promise.resolve({ rows: [], rowCount: 0 })
      : client.query(text as string, values as unknown[]);
  const scoped = { query, release: () => undefined };
  return { query, connect: () => Promise.resolve(scoped) } as unknown as pg.Pool;
};

const refuseExisting = (path: string, force: boolean): void => {
  if (existsSync(path) && !force && statSync(path).size > 0)
    throw new AppError('INVALID_ARGUMENT', `${path} already exists; pass --force to replace it`);
};

export const backupPostgres = async (
  location: string,
  file: string,
  options: PostgresToolOptions = {},
): Promise<PostgresBackupReport> => {
  const target = describeTarget({ url: location });
  const schema = target.schema ?? 'public';
  refuseExisting(file, options.force === true);
  const pool = createPool(target, { url: location, poolMax: 1, applicationName: 'sitrep backup' });
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  try {
    const client = await pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const exists = await client.query(
        'SELECT 1 FROM pg_namespace n JOIN pg_class c ON c.relnamespace = n.oid WHERE n.nspname = $1 AND c.relname = $2',
        [schema, 'articles'],
      );
      if (exists.rowCount === 0)
        throw new AppError(
          'INPUT_NOT_FOUND',
          `no sitrep store in schema "${schema}" at ${target.label}`,
        );
      const snapshot = (await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id'))
        .rows[0]?.id;
      const { dbname, env } = toolConnection(target);
      const dumped = runTool(
        'pg_dump',
        [
          '--format=custom',
          '--no-owner',
          '--no-privileges',
          `--schema=${schema}`,
          `--snapshot=${snapshot ?? ''}`,
          `--file=${partial}`,
          `--dbname=${dbname}`,
        ],
        env,
        options,
      );
      // Both read the exported snapshot; the transaction stays open until pg_dump is done with it.
      const [checksum] = await Promise.all([checksumPostgres(inSnapshot(client)), dumped]);
      await client.query('COMMIT');
      const report: ChecksumFile = {
        format: 'sitrep-postgres-backup-1',
        schema,
        createdAt: new Date().toISOString(),
        checksum,
      };
      renameSync(partial, file);
      writeFileSync(checksumFileOf(file), `${JSON.stringify(report, null, 2)}\n`);
      return { file, bytes: statSync(file).size, schema, checksum };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  } finally {
    rmSync(partial, { force: true });
    await pool.end();
  }
};

const readChecksumFile = (file: string): ChecksumFile => {
  const path = checksumFileOf(file);
  if (!existsSync(path))
    throw new AppError(
      'INPUT_NOT_FOUND',
      `${path} is missing: sitrep restore verifies a PostgreSQL backup by the checksum \`sitrep backup\` wrote beside it`,
    );
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<ChecksumFile>;
  if (parsed.format !== 'sitrep-postgres-backup-1' || !parsed.schema || !parsed.checksum)
    throw new AppError('INPUT_UNREADABLE', `${path} is not a sitrep backup checksum file`);
  return parsed as ChecksumFile;
};

const schemaState = async (
  pool: pg.Pool,
  schema: string,
): Promise<'missing' | 'empty' | 'used'> => {
  const found = await pool.query<{ n: string }>(
    `SELECT count(c.oid) AS n FROM pg_namespace n LEFT JOIN pg_class c ON c.relnamespace = n.oid
      WHERE n.nspname = $1 GROUP BY n.oid`,
    [schema],
  );
  const row = found.rows[0];
  if (!row) return 'missing';
  return Number(row.n) === 0 ? 'empty' : 'used';
};

/**
 * Restores a backup into the schema of `location` (default public). pg_restore recreates the
 * dumped schema under its own name, so a backup of schema A restores into B only where no A
 * exists (it is restored as A, then renamed). The target must be missing or empty, unless --force
 * (which drops it first: stop `sitrep serve` and workers on it).
 */
export const restorePostgres = async (
  file: string,
  location: string,
  options: PostgresToolOptions = {},
): Promise<PostgresRestoreReport> => {
  if (!existsSync(file)) throw new AppError('INPUT_NOT_FOUND', `${file}: no such backup`);
  const recorded = readChecksumFile(file);
  const target = describeTarget({ url: location });
  const schema = target.schema ?? 'public';
  const admin = createPool(describeTarget({ url: target.connectionString }), {
    url: target.connectionString,
    poolMax: 1,
    applicationName: 'sitrep restore',
  });
  try {
    const state = await schemaState(admin, schema);
    if (state === 'used' && !options.force)
      throw new AppError(
        'INVALID_ARGUMENT',
        `schema "${schema}" at ${target.label} is not empty; pass --force to replace it (stop sitrep serve and workers on it first)`,
      );
    if (recorded.schema !== schema && (await schemaState(admin, recorded.schema)) !== 'missing')
      throw new AppError(
        'INVALID_ARGUMENT',
        `the backup holds schema "${recorded.schema}", which exists at ${target.label}: restore into schema "${recorded.schema}" (with --force to replace it) or into a database without it`,
      );
    // pg_restore creates the dumped schema itself; public is kept (it always exists) but emptied.
    if (state !== 'missing' && schema !== 'public')
      await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
    if (state === 'used' && schema === 'public')
      await admin.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    const { dbname, env } = toolConnection(target);
    await runTool(
      'pg_restore',
      [
        '--no-owner',
        '--no-privileges',
        '--exit-on-error',
        '--single-transaction',
        `--dbname=${dbname}`,
        file,
      ],
      env,
      options,
    );
    if (recorded.schema !== schema)
      await admin.query(`ALTER SCHEMA "${recorded.schema}" RENAME TO "${schema}"`);
  } finally {
    await admin.end();
  }
  const pool = createPool(target, { url: location, poolMax: 2, applicationName: 'sitrep restore' });
  try {
    const restoredChecksum = await checksumPostgres(pool);
    const backupChecksum = recorded.checksum;
    return {
      store: target.label,
      schema,
      backupChecksum,
      restoredChecksum,
      verified: sameStoreChecksum(backupChecksum, restoredChecksum),
    };
  } finally {
    await pool.end();
  }
};
