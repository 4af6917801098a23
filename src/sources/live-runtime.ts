import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { createSafeFetcher, type SafeFetcher } from '../fetch/safe-fetch.js';
import type { ArticleEnricher } from '../pipeline/enricher.js';
import type { ArticleStore } from '../store/port.js';
import { createEmailSender, type EmailSender } from '../watchlists/email-sender.js';
import {
  evaluateNewArticles,
  type EvaluationSummary,
} from '../watchlists/evaluate-new-articles.js';
import { runDueDeliveries, type DeliverySummary } from '../watchlists/run-deliveries.js';
import { HostGate } from './host-gate.js';
import type { LiveConfig } from './live-config.js';
import { pollDueSources, runPollLoop, type CycleSummary } from './poll-cycle.js';
import type { PollOutcome } from './poll-source.js';
import type { PollPolicy } from './poll-policy.js';

export interface LiveRuntimeOptions {
  readonly store: ArticleStore;
  readonly config: LiveConfig;
  readonly enricher?: ArticleEnricher;
  readonly owner?: string;
  readonly now?: () => Date;
  /** Where a failed cycle or delivery run is reported (serve's stderr). */
  readonly onError?: (error: unknown) => void;
  readonly onPolled?: (outcome: PollOutcome) => void;
  /** Tests wrap the fetcher (loopback-only connector). */
  readonly fetcher?: SafeFetcher;
}

export interface LiveCycleReport extends CycleSummary {
  evaluation: EvaluationSummary;
  deliveries: DeliverySummary;
}

export const processOwner = (): string =>
  `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/**
 * Everything that watches sources for one process (serve, watch, poll --once, a worker's job):
 * one safe fetcher and one host gate shared by all polls, so the per-host limit holds process-wide;
 * after a poll that stored something, watchlists are evaluated on the new articles and their
 * deliveries sent at once (an alert should not wait for the next cycle).
 */
export class LiveRuntime {
  readonly fetcher: SafeFetcher;
  readonly gate: HostGate;
  readonly owner: string;
  private readonly email: EmailSender | undefined;
  readonly policy: PollPolicy;
  readonly enricher: ArticleEnricher | undefined;
  private evaluating: Promise<unknown> = Promise.resolve();
  private writing: Promise<unknown> = Promise.resolve();
  /** One store writer at a time in this process (ingest, alert evaluation). */
  readonly exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = this.writing.then(work);
    this.writing = run.catch(() => undefined);
    return run;
  };
  private readonly totals = {
    evaluation: { articles: 0, alerts: 0, deliveries: 0 } as EvaluationSummary,
    deliveries: { sent: 0, retrying: 0, dead: 0 } as DeliverySummary,
  };

  constructor(private readonly options: LiveRuntimeOptions) {
    const { fetch } = options.config;
    this.fetcher =
      options.fetcher ??
      createSafeFetcher({
        allow: fetch.allow,
        ...(fetch.only ? { only: fetch.only } : {}),
        maxBytes: fetch.maxBytes,
        timeoutMs: fetch.timeoutMs,
        ...(fetch.userAgent ? { userAgent: fetch.userAgent } : {}),
      });
    this.gate = new HostGate({ limit: fetch.perHostLimit, delayMs: fetch.politenessMs });
    this.owner = options.owner ?? processOwner();
    this.policy = options.config.policy;
    this.enricher = options.enricher;
    this.email = options.config.smtp ? createEmailSender(options.config.smtp) : undefined;
  }

  private cycleOptions() {
    const { store, config, enricher, now } = this.options;
    return {
      store,
      fetcher: this.fetcher,
      gate: this.gate,
      policy: config.policy,
      owner: this.owner,
      concurrency: config.fetch.concurrency,
      exclusive: this.exclusive,
      ...(enricher ? { enricher } : {}),
      ...(now ? { now } : {}),
      onPolled: (outcome: PollOutcome) => this.afterPoll(outcome),
    };
  }

  /** Polls every due source once, then evaluates and delivers what is left. */
  async pollOnce(): Promise<LiveCycleReport> {
    this.resetTotals();
    const cycle = await pollDueSources(this.cycleOptions());
    await this.evaluateAndDeliver();
    return {
      ...cycle,
      evaluation: { ...this.totals.evaluation },
      deliveries: { ...this.totals.deliveries },
    };
  }

  /** Evaluates and delivers without polling (`sitrep watchlist run`). */
  async pollOnceWithoutSources(): Promise<Pick<LiveCycleReport, 'evaluation' | 'deliveries'>> {
    this.resetTotals();
    await this.evaluateAndDeliver();
    return { evaluation: { ...this.totals.evaluation }, deliveries: { ...this.totals.deliveries } };
  }

  /** Polls until aborted (serve, watch). */
  async run(signal: AbortSignal, onCycle?: (report: CycleSummary) => void): Promise<void> {
    await runPollLoop({
      ...this.cycleOptions(),
      signal,
      ...(onCycle ? { onCycle } : {}),
      between: async () => {
        await this.evaluateAndDeliver();
      },
      ...(this.options.onError ? { onError: this.options.onError } : {}),
    });
  }

  /** After each recorded poll: alerts for what it stored, sent now. */
  async afterPoll(outcome: PollOutcome): Promise<void> {
    this.options.onPolled?.(outcome);
    if ((outcome.ingest?.added ?? 0) + (outcome.ingest?.revised ?? 0) === 0) return;
    await this.evaluateAndDeliver();
  }

  /** Evaluation runs one at a time per process (polls finish concurrently). */
  evaluateAndDeliver(): Promise<void> {
    const run = this.evaluating.then(async () => {
      try {
        const evaluation = await this.exclusive(() =>
          evaluateNewArticles(this.options.store, {
            ...(this.options.now ? { now: this.options.now } : {}),
          }),
        );
        add(this.totals.evaluation, evaluation);
        const deliveries = await runDueDeliveries({
          store: this.options.store,
          fetcher: this.fetcher,
          ...(this.email ? { email: this.email } : {}),
          publicUrl: this.options.config.publicUrl,
          owner: this.owner,
          ...(this.options.now ? { now: this.options.now } : {}),
        });
        add(this.totals.deliveries, deliveries);
      } catch (error) {
        this.options.onError?.(error);
        if (!this.options.onError) throw error;
      }
    });
    this.evaluating = run.catch(() => undefined);
    return run;
  }

  private resetTotals(): void {
    this.totals.evaluation = { articles: 0, alerts: 0, deliveries: 0 };
    this.totals.deliveries = { sent: 0, retrying: 0, dead: 0 };
  }

  async close(): Promise<void> {
    await this.evaluating;
    this.email?.close();
    await this.fetcher.close();
  }
}

const add = <T extends object>(total: T, more: T): void => {
  const sum = total as Record<string, number>;
  for (const [key, value] of Object.entries(more)) sum[key] = (sum[key] ?? 0) + (value as number);
};
