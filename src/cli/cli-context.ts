import type { Writable } from 'node:stream';
import type { ArticleStore } from '../store/port.js';

/** What commands get from the composition root (src/main.ts) instead of reaching for globals. */
export interface CliContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** True when stderr is a terminal: only then do we draw progress bars. */
  readonly interactive: boolean;
  readonly openStore: (location: string) => Promise<ArticleStore>;
  readonly setExitCode: (code: number) => void;
}

/** Exit codes, documented in the README. */
export const EXIT = {
  ok: 0,
  fatal: 1,
  usage: 2,
  completedWithRejections: 3,
} as const;

export const DEFAULT_DB = './sitrep.db';

/** `--db` wins, then SITREP_DB, then ./sitrep.db. */
export const dbLocation = (ctx: CliContext, option: string | undefined): string =>
  option ?? ctx.env['SITREP_DB'] ?? DEFAULT_DB;

export const writeLine = (stream: Writable, line: string): void => {
  stream.write(`${line}\n`);
};

export const writeJson = (ctx: CliContext, value: unknown): void =>
  writeLine(ctx.stdout, JSON.stringify(value));

/** Opens the store, runs the body and always closes the store. */
export const withStore = async <T>(
  ctx: CliContext,
  dbOption: string | undefined,
  body: (store: ArticleStore) => Promise<T>,
): Promise<T> => {
  const store = await ctx.openStore(dbLocation(ctx, dbOption));
  try {
    return await body(store);
  } finally {
    await store.close();
  }
};
