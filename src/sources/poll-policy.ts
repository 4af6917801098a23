/**
 * When to poll a source next: pure functions of what the last poll saw, tested without a clock.
 */

export interface PollPolicy {
  /** Bounds of the adaptive interval. */
  readonly minIntervalSeconds: number;
  readonly maxIntervalSeconds: number;
  /** Consecutive failures after which a source is disabled with the reason. */
  readonly maxFailures: number;
  /** First retry delay after a failure; doubles with each further failure. */
  readonly backoffBaseSeconds: number;
  readonly backoffMaxSeconds: number;
  /** Longest Retry-After honoured (a server asking for a week gets this). */
  readonly retryAfterMaxSeconds: number;
}

export const DEFAULT_POLL_POLICY: PollPolicy = {
  minIntervalSeconds: 300,
  maxIntervalSeconds: 6 * 3600,
  maxFailures: 10,
  backoffBaseSeconds: 60,
  backoffMaxSeconds: 24 * 3600,
  retryAfterMaxSeconds: 24 * 3600,
};

const clamp = (value: number, low: number, high: number): number =>
  Math.min(high, Math.max(low, value));

/**
 * Busy sources more often, quiet ones less: halve the interval when a poll brought new items,
 * stretch it by half when it brought none (304 included), always within the policy's bounds.
 */
export const nextInterval = (current: number, newItems: number, policy: PollPolicy): number =>
  Math.round(
    clamp(
      newItems > 0 ? current / 2 : current * 1.5,
      policy.minIntervalSeconds,
      policy.maxIntervalSeconds,
    ),
  );

/** Items per day, smoothed: 70% history, 30% what this poll saw over the time since the last one. */
export const smoothedItemsPerDay = (
  previous: number,
  newItems: number,
  secondsSinceLastPoll: number | undefined,
): number => {
  if (secondsSinceLastPoll === undefined || secondsSinceLastPoll <= 0)
    return previous === 0 ? 0 : previous;
  const observed = (newItems * 86_400) / Math.max(secondsSinceLastPoll, 60);
  return Math.round((0.7 * previous + 0.3 * observed) * 100) / 100;
};

/** Exponential backoff with jitter: base * 2^(failures-1), capped, then a random 50-100% of it. */
export const backoffSeconds = (
  failures: number,
  policy: PollPolicy,
  random: () => number = Math.random,
): number => {
  const ceiling = Math.min(
    policy.backoffMaxSeconds,
    policy.backoffBaseSeconds * 2 ** Math.max(0, failures - 1),
  );
  return Math.max(1, Math.round(ceiling * (0.5 + 0.5 * random())));
};

/** Retry-After as seconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export const parseRetryAfter = (value: string | undefined, now: Date): number | undefined => {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now.getTime()) / 1000));
};
