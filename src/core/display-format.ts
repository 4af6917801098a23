/**
 * How numbers, counts and dates read to a person, shared by the CLI, the server-rendered UI and
 * the browser code (which re-renders dates in the reader's own locale and time zone).
 */

/** "1 article", "2 articles", "1,204 articles". */
export const plural = (count: number, one: string, many: string): string =>
  `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

/**
 * At most `digits` decimals, trailing zeros dropped: 0.3333333333333333 -> "0.33", 2 -> "2";
 * thousands grouped for reading ("150,000"), or not (`grouping` false: CLI columns stay plain).
 */
export const roundNumber = (value: number, digits = 2, grouping = true): string => {
  if (!Number.isFinite(value)) return String(value);
  return value.toLocaleString('en', { maximumFractionDigits: digits, useGrouping: grouping });
};

/** A share as a whole percentage: 0.8734 -> "87%". */
export const percent = (fraction: number): string => `${Math.round(fraction * 100)}%`;

/** Whether an ISO string holds a time of day (not just a date). */
const hasTime = (iso: string): boolean => /T\d{2}:\d{2}/.test(iso);

/**
 * A stable, locale-free rendering used on the server and in the CLI ("2025-11-21 13:40 UTC");
 * the browser replaces it with the reader's locale and zone. Unparseable input comes back as is.
 */
export const displayDate = (iso: string | null | undefined): string => {
  if (!iso) return '';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const d = new Date(time).toISOString();
  return hasTime(iso) ? `${d.slice(0, 10)} ${d.slice(11, 16)} UTC` : d.slice(0, 10);
};

/** The reader's rendering: date (and time when the value has one) in their locale and zone. */
export const localDate = (iso: string, locale?: string, timeZone?: string): string => {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const options: Intl.DateTimeFormatOptions = hasTime(iso)
    ? { dateStyle: 'medium', timeStyle: 'short' }
    : { dateStyle: 'medium', timeZone: 'UTC' };
  if (timeZone && hasTime(iso)) options.timeZone = timeZone;
  return new Intl.DateTimeFormat(locale, options).format(new Date(time));
};

/** The host of a URL, without "www."; undefined for anything that is not http(s). */
export const hostOf = (url: string | null | undefined): string | undefined => {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return parsed.hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
};

/** Only http(s) URLs may become links; javascript:, data: and the rest stay text. */
export const safeHref = (url: string | null | undefined): string | undefined => {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
};
