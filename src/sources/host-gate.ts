/**
 * Politeness per origin (scheme, host and port): at most `limit` requests at once, and request
 * starts at least `delayMs` apart. Requests wait in order; nothing is dropped.
 */
export interface HostGateOptions {
  readonly limit: number;
  readonly delayMs: number;
}

interface OriginState {
  active: number;
  lastStart: number;
  readonly waiting: (() => void)[];
  timer?: NodeJS.Timeout;
}

export class HostGate {
  // Kept after use: the last start time is what spaces the next request (a few dozen bytes each).
  private readonly origins = new Map<string, OriginState>();

  constructor(private readonly options: HostGateOptions) {}

  /** Runs `work` when the origin has room; the slot is released when it settles. */
  async run<T>(url: string, work: () => Promise<T>): Promise<T> {
    const key = originOf(url);
    await this.acquire(key);
    try {
      return await work();
    } finally {
      this.release(key);
    }
  }

  /** Requests running per origin right now (tests, diagnostics). */
  activeFor(url: string): number {
    return this.origins.get(originOf(url))?.active ?? 0;
  }

  private acquire(key: string): Promise<void> {
    const state = this.state(key);
    return new Promise((resolve) => {
      state.waiting.push(resolve);
      this.pump(key, state);
    });
  }

  private release(key: string): void {
    const state = this.state(key);
    state.active--;
    this.pump(key, state);
  }

  private pump(key: string, state: OriginState): void {
    if (state.timer) return;
    while (state.waiting.length > 0 && state.active < this.options.limit) {
      const wait = state.lastStart + this.options.delayMs - Date.now();
      if (wait > 0) {
        state.timer = setTimeout(() => {
          delete state.timer;
          this.pump(key, state);
        }, wait);
        return;
      }
      const next = state.waiting.shift();
      state.active++;
      state.lastStart = Date.now();
      next?.();
    }
  }

  private state(key: string): OriginState {
    let state = this.origins.get(key);
    if (!state) {
      state = { active: 0, lastStart: 0, waiting: [] };
      this.origins.set(key, state);
    }
    return state;
  }
}

export const originOf = (url: string): string => {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
};
