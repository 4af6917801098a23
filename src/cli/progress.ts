import cliProgress from 'cli-progress';
import type { CliContext } from './cli-context.js';

export interface ProgressReporter {
  update(done: number, extra?: { items?: number }): void;
  stop(): void;
}

const SILENT: ProgressReporter = { update: () => undefined, stop: () => undefined };

/**
 * A bar on a terminal (bytes as MB with rate and ETA, items counted); nothing when piped or with --json,
 * so machine output stays clean.
 */
export const progressFor = (
  ctx: CliContext,
  options: { quiet: boolean; totalBytes?: number; label: string },
): ProgressReporter => {
  if (options.quiet || !ctx.interactive) return SILENT;
  const total = options.totalBytes ?? 0;
  if (total > 0) {
    const bar = new cliProgress.SingleBar(
      {
        stream: ctx.stderr as NodeJS.WritableStream,
        format: `${options.label} [{bar}] {percentage}% | {mb}/{totalMb} MB | {items} items | {rate} MB/s | ETA {eta_formatted}`,
        hideCursor: true,
        etaBuffer: 50,
        fps: 5,
      },
      cliProgress.Presets.shades_classic,
    );
    const started = Date.now();
    const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
    bar.start(total, 0, { mb: '0.0', totalMb: mb(total), items: 0, rate: '0.0' });
    let items = 0;
    return {
      update(done, extra) {
        if (extra?.items !== undefined) items = extra.items;
        const seconds = Math.max((Date.now() - started) / 1000, 0.001);
        bar.update(Math.min(done, total), { mb: mb(done), items, rate: mb(done / seconds) });
      },
      stop() {
        bar.stop();
      },
    };
  }
  const counter = new cliProgress.SingleBar(
    {
      stream: ctx.stderr as NodeJS.WritableStream,
      format: `${options.label} {value} items`,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  counter.start(0, 0);
  return {
    update(done) {
      counter.update(done);
    },
    stop() {
      counter.stop();
    },
  };
};
