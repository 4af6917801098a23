import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import { inTransaction } from './connection.js';
import { inlineParameters, queryAll, type Statement } from './inline-parameters.js';
import { withStatementRetry } from './statement-retry.js';
import type { OrganiseLockStats } from '../port.js';

/**
 * First keys of the advisory locks, one per organising stage; the second key is the schema, so
 * schemas in one database never wait on each other. Syndication and stories read and write tables
 * of their own and neither reads the other's, so each stage is serialised on its own: one worker
 * clusters a batch while another decides the syndication of the next.
 */
const LOCK_CLASSES: Readonly<Record<OrganiseScope, number>> = {
  syndication: 7_311_992,
  stories: 7_311_993,
};

/** The organising stage a transaction serialises; a transaction without one takes both locks. */
export type OrganiseScope = 'syndication' | 'stories';
const SCOPES: readonly OrganiseScope[] = ['syndication', 'stories'];

/**
 * Starts an organising transaction in one round trip (a simple-protocol query, hence the inlined
 * constants). Its commit is asynchronous: the lock goes with the commit, so a synchronous one would
 * keep every other worker waiting through this one's WAL flush. What is at stake is small: organising
 * is derived and idempotent per article, any later synchronous commit (the next batch's save, the
 * claim ledger) flushes it too, and a server crash in the ~200 ms before that loses only decisions
 * that the next run over the same input (or the re-run job) makes again for the unchanged articles.
 * Both locks are always taken in SCOPES order, so a transaction taking both cannot deadlock with one
 * taking either.
 */
const organiseBegin = (scopes: readonly OrganiseScope[]): string =>
  [
    'BEGIN',
    'SET LOCAL synchronous_commit = off',
    ...scopes.map(
      (scope) => `SELECT pg_advisory_xact_lock(${LOCK_CLASSES[scope]}, hashtext(current_schema()))`,
    ),
  ].join('; ');

export type Queryable = Pick<pg.PoolClient, 'query'>;

/** State an index keeps for one running transaction only; `flush` runs just before the commit. */
export interface RunState {
  flush?(db: OrganiseTransaction): Promise<void>;
  /** After the commit returned: what the transaction wrote is now what others read. */
  committed?(): void;
  /** After a failure (rolled back, or a commit that did not return): nothing of it stands. */
  failed?(): void;
}

/**
 * The connection of one organising transaction. Every round trip here is time all other workers
 * wait for the lock, so writes whose result nobody reads (`defer`) are held back and sent with the
 * next statement, or with the COMMIT, in one simple-protocol round trip (parameters inlined).
 * Reads always see them: nothing reaches the server before the writes queued ahead of it.
 */
class RunConnection implements Queryable {
  roundTrips = 0;
  /** When the first round trip (the one that took the lock) came back. */
  lockedAt: number | undefined;

  /** `pending` starts with the transaction's BEGIN and lock: they travel with the first statement. */
  constructor(
    private readonly client: pg.PoolClient,
    private pending: string[],
  ) {}

  defer(sql: string, params: readonly unknown[]): void {
    this.pending.push(inlineParameters(sql, params));
  }

  query = (async (sql: string | pg.QueryConfig, params?: unknown[]) => {
    if (this.pending.length === 0) {
      this.roundTrips++;
      return typeof sql === 'string' ? this.client.query(sql, params) : this.client.query(sql);
    }
    const text = typeof sql === 'string' ? sql : sql.text;
    const results = await this.queryAll([
      [text, params ?? (typeof sql === 'string' ? [] : sql.values) ?? []],
    ]);
    return results[0];
  }) as Queryable['query'];

  /** The statements' results, in one round trip with whatever is held back. */
  async queryAll(statements: readonly Statement[]): Promise<pg.QueryResult[]> {
    this.roundTrips++;
    const texts = statements.map(([sql, params]) => inlineParameters(sql, params));
    const results = (await this.client.query([...this.takePending(), ...texts].join(';\n'))) as
      pg.QueryResult | pg.QueryResult[];
    this.lockedAt ??= performance.now();
    const all = Array.isArray(results) ? results : [results];
    return all.slice(all.length - statements.length);
  }

  /** COMMIT, after whatever is still held back. */
  async commit(): Promise<void> {
    this.roundTrips++;
    await this.client.query([...this.takePending(), 'COMMIT'].join(';\n'));
    this.lockedAt ??= performance.now();
  }

  private takePending(): string[] {
    const pending = this.pending;
    this.pending = [];
    return pending;
  }
}

interface Run {
  readonly connection: RunConnection;
  readonly states: Map<object, RunState>;
}

/**
 * The transaction the syndication and story stages run in on PostgreSQL (ArticleStore.inTransaction),
 * and the connection their index calls use.
 *
 * Race safety, and why this way: decideSyndication and assignStory read the index (candidates, a
 * story's centroid), decide in JavaScript, then write. Two workers deciding two copies of one text
 * at once would each find no candidate and both call their article an original; two workers growing
 * one story would each save a centroid without the other's article. Unique constraints and retries
 * cannot catch a candidate that did not exist yet when it was looked up, and a serializable
 * transaction would abort and redo whole batches under load. So `run` takes a transaction-scoped
 * advisory lock per stage and schema first: one batch at a time per stage and schema, across
 * processes and machines (the two stages share no table, so one worker's clustering runs beside
 * another's syndication); the lock goes with the commit or rollback, and with the session if a
 * worker dies. Jobs of one process queue in memory before that, so a waiting job holds no connection.
 *
 * Inside `run`, every index call goes to the transaction's connection (found through
 * AsyncLocalStorage, so the stages need not carry it): one commit per batch and stage instead of
 * several per article, and a batch's decisions, and its stories, land whole or not at all (a worker
 * killed between the two leaves stories to the re-run job: both stages are idempotent per
 * article). Outside `run` (reads
 * by `dupes`, `stories`), calls go to the pool; a lone write is then its own transaction.
 */
export class OrganiseTransaction {
  private readonly current = new AsyncLocalStorage<Run>();
  private readonly turns = new AsyncLocalStorage<() => Promise<void>>();
  /** Per lock, the last transaction of this process that takes it (ones waiting queue behind it). */
  private readonly tails = new Map<OrganiseScope, Promise<void>>();
  private readonly stats = { batches: 0, waitMs: 0, heldMs: 0, roundTrips: 0, turnWaitMs: 0 };
  private readonly perLock = new Map<OrganiseScope, { waitMs: number; heldMs: number }>(
    SCOPES.map((scope) => [scope, { waitMs: 0, heldMs: 0 }]),
  );

  /**
   * Time this process spent waiting for the organise locks (behind its own earlier batches and
   * then on the advisory lock) and holding them: what tells whether a lock is the ceiling.
   */
  lockStats(): OrganiseLockStats {
    return {
      batches: this.stats.batches,
      waitSeconds: this.stats.waitMs / 1000,
      heldSeconds: this.stats.heldMs / 1000,
      roundTrips: this.stats.roundTrips,
      turnWaitSeconds: this.stats.turnWaitMs / 1000,
      locks: Object.fromEntries(
        [...this.perLock].map(([scope, { waitMs, heldMs }]) => [
          scope,
          { waitSeconds: waitMs / 1000, heldSeconds: heldMs / 1000 },
        ]),
      ),
    };
  }

  constructor(private readonly pool: pg.Pool) {}

  /** Runs `work`; each story transaction in it first awaits `turn` (ArticleStore.organiseInTurn). */
  inTurn<T>(turn: () => Promise<void>, work: () => Promise<T>): Promise<T> {
    return this.turns.run(turn, work);
  }

  /**
   * Runs `work` in an organising transaction holding the lock of `scope` (both locks without one).
   * Only story clustering depends on the order batches come in, so only a transaction that takes
   * the story lock waits for its turn.
   */
  async run<T>(work: () => Promise<T>, scope?: OrganiseScope): Promise<T> {
    if (this.current.getStore()) return work();
    const scopes = scope ? [scope] : SCOPES;
    const turn = this.turns.getStore();
    if (turn && scopes.includes('stories')) {
      const waiting = performance.now();
      await turn();
      this.stats.turnWaitMs += performance.now() - waiting;
    }
    const previous = Promise.all(scopes.map((s) => this.tails.get(s)));
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    for (const s of scopes) this.tails.set(s, finished);
    const asked = performance.now();
    let locked: number | undefined;
    try {
      await previous;
      const client = await this.pool.connect();
      // BEGIN, an asynchronous commit and the lock (organiseBegin says why) go with the first
      // statement: no round trip of their own. The lock counts as taken when that one returns.
      const connection = new RunConnection(client, [organiseBegin(scopes)]);
      const run: Run = { connection, states: new Map() };
      try {
        const result = await this.current.run(run, async () => {
          const value = await work();
          for (const state of run.states.values()) await state.flush?.(this);
          return value;
        });
        await connection.commit();
        for (const state of run.states.values()) state.committed?.();
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        for (const state of run.states.values()) state.failed?.();
        throw error;
      } finally {
        this.stats.roundTrips += connection.roundTrips;
        locked = connection.lockedAt;
        client.release();
      }
    } finally {
      const now = performance.now();
      const waitMs = (locked ?? now) - asked;
      const heldMs = locked === undefined ? 0 : now - locked;
      this.stats.batches++;
      this.stats.waitMs += waitMs;
      this.stats.heldMs += heldMs;
      for (const s of scopes) {
        const lock = this.perLock.get(s);
        if (lock) {
          lock.waitMs += waitMs;
          lock.heldMs += heldMs;
        }
      }
      done();
    }
  }

  /** One statement: on the running transaction's connection, else on the pool (retried if a deadlock victim). */
  query<R extends pg.QueryResultRow>(
    sql: string,
    params: unknown[] = [],
  ): Promise<pg.QueryResult<R>> {
    const connection = this.current.getStore()?.connection;
    if (connection) return connection.query<R>(sql, params);
    return withStatementRetry(() => this.pool.query<R>(sql, params));
  }

  /**
   * query() as a named prepared statement (one `name` per `sql`): each connection parses it once,
   * not per call; planning a large read under the lock costs every other worker the wait too. With
   * writes held back it goes inlined with them, as any statement does (no parameters to bind then).
   */
  prepared<R extends pg.QueryResultRow>(
    name: string,
    sql: string,
    params: unknown[],
  ): Promise<pg.QueryResult<R>> {
    const config: pg.QueryConfig = { name, text: sql, values: params };
    const connection = this.current.getStore()?.connection;
    if (connection) return connection.query<R>(config);
    return withStatementRetry(() => this.pool.query<R>(config));
  }

  /** Several statements in one round trip: on the running transaction's connection, else on the pool. */
  queryAll(statements: readonly Statement[]): Promise<pg.QueryResult[]> {
    const connection = this.current.getStore()?.connection;
    if (connection) return connection.queryAll(statements);
    return withStatementRetry(() => queryAll(this.pool, statements));
  }

  /**
   * A write whose result is not read: in a run, sent with the run's next statement (or its
   * commit); outside one, run now.
   */
  async write(sql: string, params: unknown[] = []): Promise<void> {
    const connection = this.current.getStore()?.connection;
    if (connection) connection.defer(sql, params);
    else await this.query(sql, params);
  }

  /** Several statements as one unit: part of the running transaction, else a transaction of their own. */
  atomically<T>(body: (db: Queryable) => Promise<T>): Promise<T> {
    const connection = this.current.getStore()?.connection;
    if (connection) return body(connection);
    return withStatementRetry(() => inTransaction(this.pool, body));
  }

  /**
   * `owner`'s state for the running transaction, created on first use; undefined outside one. It
   * may cache what the owner read, since under the lock no one else writes those tables; it is
   * dropped with the transaction, so a rollback leaves nothing stale behind.
   */
  runState<T extends RunState>(owner: object, create: () => T): T | undefined {
    const run = this.current.getStore();
    if (!run) return undefined;
    let state = run.states.get(owner) as T | undefined;
    if (!state) {
      state = create();
      run.states.set(owner, state);
    }
    return state;
  }
}
