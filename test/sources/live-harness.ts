import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSafeFetcher } from '../../src/fetch/safe-fetch.js';
import { loadLiveConfig, type LiveConfig } from '../../src/sources/live-config.js';
import { LiveRuntime, type LiveRuntimeOptions } from '../../src/sources/live-runtime.js';
import { DEFAULT_POLL_POLICY, type PollPolicy } from '../../src/sources/poll-policy.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

/** Loopback only, and nothing else: no name is resolved, no other address connected to. */
export const LOOPBACK = ['127.0.0.0/8'];

export const loopbackFetcher = () =>
  createSafeFetcher({ allow: LOOPBACK, only: LOOPBACK, timeoutMs: 30_000 });

export const testConfig = (
  overrides: {
    perHostLimit?: number;
    politenessMs?: number;
    concurrency?: number;
    policy?: Partial<PollPolicy>;
  } = {},
): LiveConfig => {
  const base = loadLiveConfig({
    SITREP_CONFIG: undefined,
    SITREP_FETCH_ALLOW: LOOPBACK.join(','),
    SITREP_FETCH_ONLY: LOOPBACK.join(','),
  });
  return {
    ...base,
    fetch: {
      ...base.fetch,
      perHostLimit: overrides.perHostLimit ?? 2,
      politenessMs: overrides.politenessMs ?? 0,
      concurrency: overrides.concurrency ?? 16,
      timeoutMs: 30_000,
    },
    policy: { ...DEFAULT_POLL_POLICY, minIntervalSeconds: 1, ...overrides.policy },
  };
};

export const tempDir = (label: string) => {
  const dir = mkdtempSync(join(tmpdir(), `sitrep-${label}-`));
  return {
    dir,
    path: (name: string) => join(dir, name),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
};

export const openSqlite = (path: string) => SqliteStore.open({ path });

/** A runtime whose clock can be moved forward (to make every source due again). */
export const runtimeFor = (
  options: Omit<LiveRuntimeOptions, 'config'> & { config?: LiveConfig },
) => {
  const clock = { offsetMs: 0 };
  const runtime = new LiveRuntime({
    fetcher: loopbackFetcher(),
    config: testConfig(),
    now: () => new Date(Date.now() + clock.offsetMs),
    ...options,
  });
  return { runtime, clock };
};
