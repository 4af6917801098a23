import { AppError } from '../core/errors.js';

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/** "90s", "15m", "24h", "30d", "2w" (or a bare number of seconds) -> seconds. */
export const parseDuration = (text: string, label = 'duration'): number => {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$/i.exec(text);
  const unit = UNITS[(match?.[2] || 's').toLowerCase()];
  if (!match?.[1] || unit === undefined)
    throw new AppError(
      'INVALID_ARGUMENT',
      `${label} "${text}" is not a duration like 90s, 15m, 24h, 30d or 2w`,
    );
  const seconds = Number(match[1]) * unit;
  if (!(seconds > 0)) throw new AppError('INVALID_ARGUMENT', `${label} must be more than 0`);
  return Math.round(seconds);
};

/** The instant `text` (a duration) before `now`, as ISO 8601. */
export const sinceInstant = (text: string, now: Date): string =>
  new Date(now.getTime() - parseDuration(text, 'since') * 1000).toISOString();
