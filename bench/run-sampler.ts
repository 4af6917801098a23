/**
 * CPU and lock sampling for bench/workers.ts: on a shared 2-core machine wall time says little, so a
 * run is also reported as CPU time (the worker processes' and their PostgreSQL backends', read from
 * /proc; the server must run on this machine) and as what its backends were waiting on, from
 * pg_stat_activity samples (the organise lock shows as wait_event 'advisory').
 */
import { readFileSync } from 'node:fs';
import type pg from 'pg';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux everywhere in practice). */
const TICKS_PER_SECOND = 100;

/** user + system CPU seconds of a live process, or undefined once it is gone (or not ours to read). */
export const processCpuSeconds = (pid: number): number | undefined => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return (utime + stime) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
};

export interface RunSample {
  /** CPU seconds of the worker processes (sampled until just before they were stopped). */
  readonly workerCpuSeconds: number;
  /** CPU seconds of the PostgreSQL backends serving those workers. */
  readonly backendCpuSeconds: number;
  /** Backend samples in a transaction or running a statement. */
  readonly busySamples: number;
  /** Of those, waiting for the organise lock (advisory lock wait). */
  readonly advisoryWaitSamples: number;
  /** Of those, waiting for any other lock (row, tuple, transaction id). */
  readonly otherLockSamples: number;
  /** Of those, idle in transaction: the backend waits for its worker (JavaScript runs). */
  readonly idleInTransactionSamples: number;
}

/** Samples every `everyMs` until stopped; keeps each pid's highest CPU reading (they only grow). */
export class RunSampler {
  private readonly workerCpu = new Map<number, number>();
  private readonly backendCpu = new Map<number, number>();
  private counts = { busy: 0, advisory: 0, otherLock: 0, idleInTransaction: 0 };
  private timer: NodeJS.Timeout | undefined;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly pool: pg.Pool,
    private readonly applicationName: string,
    private readonly workerPids: () => readonly number[],
    private readonly everyMs = 250,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.pending = this.pending.then(() => this.sample()).catch(() => undefined);
    }, this.everyMs);
  }

  /** One last sample (call it before stopping the workers), then the totals. */
  async stop(): Promise<RunSample> {
    clearInterval(this.timer);
    await this.pending;
    await this.sample();
    const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);
    return {
      workerCpuSeconds: sum(this.workerCpu.values()),
      backendCpuSeconds: sum(this.backendCpu.values()),
      busySamples: this.counts.busy,
      advisoryWaitSamples: this.counts.advisory,
      otherLockSamples: this.counts.otherLock,
      idleInTransactionSamples: this.counts.idleInTransaction,
    };
  }

  private async sample(): Promise<void> {
    for (const pid of this.workerPids()) keepMax(this.workerCpu, pid, processCpuSeconds(pid));
    const rows = await this.pool.query<{
      pid: number;
      state: string | null;
      wait_event_type: string | null;
      wait_event: string | null;
    }>(
      'SELECT pid, state, wait_event_type, wait_event FROM pg_stat_activity WHERE application_name = $1',
      [this.applicationName],
    );
    for (const row of rows.rows) {
      keepMax(this.backendCpu, row.pid, processCpuSeconds(row.pid));
      if (row.state === 'idle' || row.state === null) continue;
      this.counts.busy++;
      if (row.wait_event_type === 'Lock' && row.wait_event === 'advisory') this.counts.advisory++;
      else if (row.wait_event_type === 'Lock') this.counts.otherLock++;
      else if (row.state.startsWith('idle in transaction')) this.counts.idleInTransaction++;
    }
  }
}

const keepMax = (map: Map<number, number>, pid: number, value: number | undefined): void => {
  if (value !== undefined && value > (map.get(pid) ?? 0)) map.set(pid, value);
};
