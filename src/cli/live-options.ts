import { loadLiveConfig } from '../sources/live-config.js';
import { LiveRuntime } from '../sources/live-runtime.js';
import type { PollOutcome } from '../sources/poll-source.js';
import type { ArticleEnricher } from '../pipeline/enricher.js';
import type { ArticleStore } from '../store/port.js';
import { writeLine, type CliContext } from './cli-context.js';
import { enricherFor } from './enricher-option.js';

/** The live runtime a command needs: config from the file and environment, the enricher unless off. */
export const liveRuntimeFor = async (
  ctx: CliContext,
  store: ArticleStore,
  options: {
    enrich: boolean;
    label: string;
    onPolled?: (outcome: PollOutcome) => void;
    /** An enricher the command already loaded (the worker's). */
    enricher?: ArticleEnricher;
  },
): Promise<LiveRuntime> =>
  new LiveRuntime({
    store,
    config: loadLiveConfig(ctx.env),
    ...(options.enricher
      ? { enricher: options.enricher }
      : await enricherFor(ctx, options.enrich).then((enricher) => (enricher ? { enricher } : {}))),
    onError: (error) =>
      writeLine(
        ctx.stderr,
        `sitrep ${options.label}: ${error instanceof Error ? error.message : String(error)}`,
      ),
    ...(options.onPolled ? { onPolled: options.onPolled } : {}),
  });

/** One line per poll for a terminal: "200 +3 url (120 ms)", "304 url", "ERR url: reason". */
export const describePoll = (outcome: PollOutcome): string => {
  const { record, source } = outcome;
  if (!record.succeeded)
    return `${record.disable ? 'OFF' : 'ERR'} ${source.url}: ${record.disable ?? record.error ?? 'failed'}`;
  if (record.notModified) return `304 ${source.url}`;
  return `${record.status ?? 200} +${outcome.ingest?.added ?? 0} ${source.url} (${outcome.ms} ms)`;
};

/**
 * The polling hook `sitrep serve` starts beside the HTTP server: the same loop as `sitrep watch`,
 * stopped (after running polls) when the server stops.
 */
export const startServePolling = async (
  ctx: CliContext,
  store: ArticleStore,
  enabled: boolean,
): Promise<{ stop: () => Promise<void> }> => {
  if (!enabled || !store.sources) return { stop: async () => undefined };
  const runtime = await liveRuntimeFor(ctx, store, { enrich: true, label: 'serve (polling)' });
  const abort = new AbortController();
  const loop = runtime.run(abort.signal);
  return {
    stop: async () => {
      abort.abort();
      await loop;
      await runtime.close();
    },
  };
};
