import type { ArticleDraft } from '../core/article.js';
import type { ArticleEnrichment } from '../core/enrichment.js';
import type { RawItem } from '../core/raw-item.js';
import type { Result } from '../core/result.js';
import type { EnrichmentInput } from './enricher.js';
import { preparedWith, speculativeInput, type Prepared, type PrepareSpec } from './prepare-item.js';
import { isRecordTimeLimitError } from './record-time-limit.js';

interface Entry {
  readonly item: RawItem;
  readonly spec: PrepareSpec;
  readonly resolve: (prepared: Prepared) => void;
  readonly reject: (error: unknown) => void;
  /** Set when the writer cleaned the item itself (assist): the workers then only enrich it. */
  drafted?: Result<ArticleDraft>;
}

export interface PrepareQueueOptions {
  /** Prepare tasks handed to the workers at once and not answered yet (the rest wait here). */
  readonly window: number;
  /** Cleaning and speculative enrichment on a worker. */
  readonly prepareThere: (item: RawItem, spec: PrepareSpec) => Promise<Prepared>;
  /** Enrichment alone on a worker (for an item the writer cleaned). */
  readonly enrichThere: (input: EnrichmentInput) => Promise<ArticleEnrichment>;
  /** Cleaning on this thread, under the per-record time limit. */
  readonly cleanHere: (item: RawItem) => Result<ArticleDraft>;
}

/**
 * The stage pool's prepare tasks (cleaning + speculative enrichment), handed to the workers only
 * a few at a time (`window`) so that the rest can still be taken back: while the writer waits on
 * a worker (its next article is not cleaned and enriched yet), it cleans a waiting item itself
 * (`assist`, latest first, the one the workers would reach last) and the workers then only enrich
 * it. On two cores one worker clean-and-enriches ~60% of the work and the writer the rest, so the
 * writer idled a third of the time; its idle time now takes cleaning (~10% of the worker's time,
 * with the clone of the raw item in and the draft out) off the worker. Cleaning is a pure function
 * of the item, so who cleaned it changes no result.
 */
export const prepareQueue = (options: PrepareQueueOptions) => {
  const waiting: Entry[] = [];
  let handedOut = 0;

  const settle = <T>(work: Promise<T>, entry: Entry, done: (value: T) => Prepared): void => {
    handedOut++;
    work.then(
      (value) => entry.resolve(done(value)),
      (error: unknown) => entry.reject(error),
    );
    void work
      .catch(() => undefined)
      .then(() => {
        handedOut--;
        pump();
      });
  };

  const handOut = (entry: Entry): void => {
    const drafted = entry.drafted;
    if (!drafted) {
      settle(options.prepareThere(entry.item, entry.spec), entry, (prepared) => prepared);
      return;
    }
    if (!drafted.ok) return entry.resolve({ draft: drafted });
    const input = speculativeInput(drafted.value, entry.spec);
    // Over the time limit, the item is prepared without its enrichment: the writer's own
    // (timed) enrichment then decides, as for a prepare task over the limit.
    const enrichment = options
      .enrichThere(input)
      .then((value) => ({ value }))
      .catch((error: unknown) => {
        if (isRecordTimeLimitError(error)) return undefined;
        throw error;
      });
    settle(enrichment, entry, (done) =>
      done ? preparedWith(drafted, input, done.value) : { draft: drafted },
    );
  };

  const pump = (): void => {
    while (handedOut < options.window) {
      const entry = waiting.shift();
      if (!entry) return;
      handOut(entry);
    }
  };

  return {
    prepare: (item: RawItem, spec: PrepareSpec): Promise<Prepared> =>
      new Promise<Prepared>((resolve, reject) => {
        waiting.push({ item, spec, resolve, reject });
        pump();
      }),
    /**
     * Cleans the latest waiting item not cleaned yet on this thread; false when there is none.
     * One item per call, so the writer gets back to its own work as soon as a worker answers.
     */
    assist: (): boolean => {
      for (let at = waiting.length - 1; at >= 0; at--) {
        const entry = waiting[at]!;
        if (entry.drafted) continue;
        try {
          entry.drafted = options.cleanHere(entry.item);
        } catch (error) {
          waiting.splice(at, 1);
          entry.reject(error);
          return true;
        }
        // Nothing left for a worker: answered now rather than when its turn comes.
        if (!entry.drafted.ok || !entry.spec.enrich) {
          waiting.splice(at, 1);
          entry.resolve({ draft: entry.drafted });
        }
        return true;
      }
      return false;
    },
  };
};

/**
 * Awaits `promise`, meanwhile calling `assist` (a pool's, see above) while it is pending and finds
 * work, yielding between calls so that the workers' answers are read. Without `assist`, awaits.
 */
export const awaitAssisting = async <T>(
  promise: Promise<T>,
  assist: (() => boolean) | undefined,
): Promise<T> => {
  if (!assist) return promise;
  let settled = false;
  const done = (): void => {
    settled = true;
  };
  promise.then(done, done);
  // One microtask: an already settled promise marks itself before the first check.
  await null;
  while (!settled && assist()) await new Promise((resolve) => setImmediate(resolve));
  return promise;
};
