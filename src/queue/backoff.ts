/** How long a failed job waits before its next attempt. */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
  /** 0..1: the delay is spread by ± this fraction, so jobs that failed together do not retry together. */
  readonly jitter: number;
}

/** 5 s, 10 s, 20 s … capped at 10 min: rides out a database restart or a full disk being cleared. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, maxMs: 600_000, jitter: 0.2 };

/** Delay after the `attempt`-th failed attempt (1-based): base · 2^(attempt-1), capped, jittered. */
export const backoffDelayMs = (
  attempt: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number => {
  const exponential = policy.baseMs * 2 ** Math.max(0, attempt - 1);
  const capped = Math.min(policy.maxMs, exponential);
  const spread = 1 + policy.jitter * (2 * random() - 1);
  return Math.max(0, Math.round(capped * spread));
};
