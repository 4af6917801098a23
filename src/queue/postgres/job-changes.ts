import type pg from 'pg';

/** The channel job state changes are announced on; the payload is the queue's schema. */
export const JOB_CHANGE_CHANNEL = 'sitrep_job_changes';

/** A select expression that announces a change in this schema (sent when the transaction commits). */
export const NOTIFY_JOB_CHANGE = `pg_notify('${JOB_CHANGE_CHANNEL}', current_schema())`;

/**
 * Wakes waiters when a running job of this schema is marked organised, completed or failed
 * (PostgresQueue announces those with NOTIFY_JOB_CHANGE): a job waiting for its turn re-checks at
 * once instead of polling. One connection of the pool LISTENs, from the first wait until close.
 * Best effort: a notification that is missed (the connection lost, or sent before LISTEN took
 * effect) only makes a waiter wait out its timeout, as polling did.
 */
export class JobChanges {
  private listening: Promise<pg.PoolClient | undefined> | undefined;
  private readonly waiters = new Set<() => void>();
  private closed = false;

  constructor(private readonly pool: pg.Pool) {}

  /** Resolves at the next change announced after this call, or after `timeoutMs`. */
  next(timeoutMs: number): Promise<void> {
    this.listening ??= this.listen();
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, Math.max(0, timeoutMs));
      timer.unref?.();
      this.waiters.add(wake);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const wake of [...this.waiters]) wake();
    const client = await this.listening;
    this.listening = undefined;
    if (client) this.drop(client);
  }

  private async listen(): Promise<pg.PoolClient | undefined> {
    let client: pg.PoolClient | undefined;
    try {
      client = await this.pool.connect();
      const schema = (await client.query<{ schema: string }>('SELECT current_schema() AS schema'))
        .rows[0]?.schema;
      client.on('notification', (message) => {
        if (message.channel !== JOB_CHANGE_CHANNEL || message.payload !== schema) return;
        for (const wake of [...this.waiters]) wake();
      });
      client.on('error', () => this.drop(client));
      await client.query(`LISTEN ${JOB_CHANGE_CHANNEL}`);
      if (this.closed) {
        client.release(true);
        return undefined;
      }
      return client;
    } catch {
      this.drop(client);
      return undefined;
    }
  }

  /** Forgets a broken listening connection; the next wait listens again. */
  private drop(client: pg.PoolClient | undefined): void {
    this.listening = undefined;
    try {
      client?.release(true);
    } catch {
      // Already released.
    }
  }
}
