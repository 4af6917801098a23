/**
 * Per-thread CPU time of a running process, from /proc/PID/task/TID/stat (Linux; empty
 * elsewhere), sampled until the process exits: on a machine shared by many jobs the wall-clock
 * rate of `--threads 2` says little, while the writer's and the workers' CPU seconds show where
 * a quiet machine's critical path is (the busier thread bounds the rate).
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface ThreadCpu {
  readonly tid: number;
  readonly name: string;
  /** User + system CPU seconds. */
  readonly seconds: number;
}

const TICKS_PER_SECOND = 100;

const readThread = (pid: number, tid: string): ThreadCpu | undefined => {
  try {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    // The name is in parentheses and may hold spaces; the fields after it are space-separated.
    const close = stat.lastIndexOf(')');
    const name = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat
      .slice(close + 2)
      .split(' ')
      .map((field) => Number(field));
    // After the name: state (index 0), ..., utime at 11, stime at 12 (stat fields 14 and 15).
    const seconds = ((fields[11] ?? 0) + (fields[12] ?? 0)) / TICKS_PER_SECOND;
    return { tid: Number(tid), name, seconds };
  } catch {
    return undefined;
  }
};

/** Samples `pid`'s threads every `everyMs` until stop(); returns each thread's last reading. */
export const sampleThreadCpu = (spawned: number, everyMs = 100) => {
  const last = new Map<number, ThreadCpu>();
  let pid = spawned;
  const sample = (): void => {
    // Run under /usr/bin/time: the node process is its child.
    if (pid === spawned) pid = childOf(spawned) ?? spawned;
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      return;
    }
    for (const tid of tids) {
      const thread = readThread(pid, tid);
      if (thread) last.set(thread.tid, thread);
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    /** Threads by CPU seconds, busiest first; the process's main thread has tid === pid. */
    stop: (): { pid: number; threads: ThreadCpu[] } => {
      clearInterval(timer);
      sample();
      return { pid, threads: [...last.values()].sort((a, b) => b.seconds - a.seconds) };
    },
  };
};

const childOf = (pid: number): number | undefined => {
  try {
    if (!readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('time')) return undefined;
    const child = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(' ')[0];
    return child ? Number(child) : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The writer (main thread) and the `workers` busiest other threads (the stage workers) in CPU
 * seconds; the rest (GC helpers, libuv's pool, compilation) together.
 */
export const splitThreads = (
  threads: readonly ThreadCpu[],
  pid: number,
  workers: number,
): { writer: number; workers: number[]; other: number } => {
  const writer = threads.find((thread) => thread.tid === pid)?.seconds ?? 0;
  const rest = threads.filter((thread) => thread.tid !== pid);
  const busiest = rest.slice(0, workers).map((thread) => thread.seconds);
  const other = rest.slice(workers).reduce((sum, thread) => sum + thread.seconds, 0);
  return { writer, workers: busiest, other };
};
