import type { Result } from '../core/result.js';
import { err, ok } from '../core/result.js';

export interface DateBoundValue {
  /** Start of the period, YYYY-MM-DD. */
  readonly date: string;
  readonly precision: 'year' | 'month' | 'day';
}

const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const daysInMonth = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Reads `2025`, `2025-03` or `2025-03-14` as the start of that period; the message says what is wrong. */
export const parseDateBound = (raw: string): Result<DateBoundValue, string> => {
  const match = DATE_PATTERN.exec(raw.trim());
  if (!match?.[1]) return err(`'${raw}' is not a date`);
  const [, year, month, day] = match;
  if (month === undefined) return ok({ date: `${year}-01-01`, precision: 'year' });
  const monthNumber = Number(month);
  if (monthNumber < 1 || monthNumber > 12) return err(`'${raw}' has no month ${month}`);
  if (day === undefined) return ok({ date: `${year}-${month}-01`, precision: 'month' });
  const dayNumber = Number(day);
  if (dayNumber < 1 || dayNumber > daysInMonth(Number(year), monthNumber))
    return err(`'${raw}' has no day ${day}`);
  return ok({ date: `${year}-${month}-${day}`, precision: 'day' });
};
