import type { ArticleEnricher } from '../pipeline/enricher.js';
import {
  defaultThreads,
  poolEnricher,
  startStagePool,
  type CpuStages,
} from '../pipeline/stage-pool.js';
import { ingestLimits } from '../ingest/ingest-limits.js';
import { writeLine, type CliContext } from './cli-context.js';
import { enricherFor } from './enricher-option.js';
import { kbDir } from './kb-command.js';

export interface CommandStages {
  /** The pool for --threads > 1; undefined runs the stages inline. */
  readonly stages?: CpuStages;
  readonly enricher?: ArticleEnricher;
  close(): Promise<void>;
}

const WARM_UP_TEXT = 'NATO said Poland ordered 48 HIMARS launchers from Lockheed Martin on Friday.';

/**
 * Where `ingest` and `reprocess` clean and enrich: with more than one thread, a worker pool whose
 * workers each load the enricher (the main thread then only learns its version), and which
 * enforces the per-record time limit (SITREP_MAX_RECORD_SECONDS) by stopping the worker running
 * the record. With one thread, the enricher loaded here and the stages inline, where the limit is
 * enforced by V8's execution watchdog (pipeline/record-time-limit.ts); not a pool of one worker,
 * which raised the gzip-bomb row's peak memory over the 1 GiB bar.
 * `threads` counts the writer (this thread, which saves and organises: about half the work) as
 * one of them, so N threads are N - 1 workers beside it: on two cores a second worker only takes
 * CPU from the writer, and costs ~240 MiB for its KB and model.
 */
export const stagesFor = async (
  ctx: CliContext,
  options: { threads: number; enrich: boolean },
): Promise<CommandStages> => {
  const recordTimeLimitMs = ingestLimits().maxRecordSeconds * 1000;
  if (options.threads <= 1) {
    const enricher = await enricherFor(ctx, options.enrich);
    // The first enrichment pays one-time costs (lazily built tables, compilation: 180 ms against
    // 7 ms for the third, measured on three short records); paid here, untimed, as pool workers
    // load theirs in an untimed task, so the first record is not charged with them (at load
    // average 20 that alone went past a 3 s limit).
    if (enricher && recordTimeLimitMs > 0) enricher.enrich({ text: WARM_UP_TEXT });
    return { ...(enricher ? { enricher } : {}), close: async () => undefined };
  }
  const pool = startStagePool({
    threads: options.threads - 1,
    enrich: options.enrich,
    kbDirs: [kbDir(ctx, undefined)],
    recordTimeLimitMs,
  });
  try {
    const enricher = options.enrich
      ? await poolEnricher(pool, (problem) => writeLine(ctx.stderr, `kb: ${problem}`))
      : undefined;
    return { stages: pool, ...(enricher ? { enricher } : {}), close: () => pool.close() };
  } catch (error) {
    await pool.close();
    throw error;
  }
};

/**
 * Input per extra thread before `--threads auto` starts a pool: each worker loads its own KB and
 * NER model (seconds, ~170 MiB), which a small input does not pay back (measured: 59 BBC files,
 * 5.8 s on one thread, 10.8 s on two).
 */
const AUTO_BYTES_PER_THREAD = 2 * 2 ** 20;

/**
 * `--threads`: a positive integer, or `auto` (the default): every core, but no more threads than
 * `inputBytes` holds 2 MiB. Undefined when invalid.
 */
export const threadsOption = (value: string, inputBytes: number): number | undefined => {
  if (value === 'auto')
    return Math.max(1, Math.min(defaultThreads(), Math.floor(inputBytes / AUTO_BYTES_PER_THREAD)));
  const threads = Number(value);
  return Number.isInteger(threads) && threads >= 1 ? threads : undefined;
};
