/**
 * Feed and page dates come as RFC 822 ("Sun, 19 May 2002 15:21:36 GMT"), ISO 8601 and
 * a long tail of near misses. We return ISO 8601 UTC or undefined: an unreadable date is
 * dropped, never fatal, and never guessed from the current clock.
 */

const ZONES: Readonly<Record<string, number>> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  CET: 60,
  CEST: 120,
  MSK: 180,
  BST: 60,
  IST: 330,
  JST: 540,
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const offsetMinutes = (zone: string | undefined): number | undefined => {
  if (zone === undefined || zone === '') return 0;
  const named = ZONES[zone.toUpperCase()];
  if (named !== undefined) return named;
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!numeric) return undefined;
  const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? '0');
  return numeric[1] === '-' ? -minutes : minutes;
};

const build = (
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  zone: string | undefined,
): string | undefined => {
  const offset = offsetMinutes(zone);
  if (offset === undefined) return undefined;
  if (month < 0 || month > 11 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60)
    return undefined;
  const millis = Date.UTC(year, month, day, hour, minute, Math.min(second, 59)) - offset * 60_000;
  const date = new Date(millis);
  if (Number.isNaN(date.getTime()) || year < 1000 || year > 9999) return undefined;
  return date.toISOString();
};

const ISO =
  /^(\d{4})-?(\d{2})(?:-?(\d{2}))?(?:[T\s](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const RFC822 =
  /^(?:[A-Za-z]{2,9},?\s*)?(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{2,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?/;

const expandYear = (year: string): number => {
  const value = Number(year);
  if (year.length === 4) return value;
  return value < 50 ? 2000 + value : 1900 + value;
};

export const parseDate = (input: string | undefined): string | undefined => {
  const value = input?.trim();
  if (!value) return undefined;
  const iso = ISO.exec(value);
  if (iso) {
    return build(
      Number(iso[1]),
      Number(iso[2]) - 1,
      Number(iso[3] ?? '1'),
      Number(iso[4] ?? '0'),
      Number(iso[5] ?? '0'),
      Number(iso[6] ?? '0'),
      iso[7],
    );
  }
  const rfc = RFC822.exec(value);
  if (rfc) {
    const month = MONTHS.indexOf((rfc[2] ?? '').slice(0, 3).toLowerCase());
    if (month < 0) return undefined;
    return build(
      expandYear(rfc[3] ?? ''),
      month,
      Number(rfc[1]),
      Number(rfc[4] ?? '0'),
      Number(rfc[5] ?? '0'),
      Number(rfc[6] ?? '0'),
      rfc[7],
    );
  }
  // Last resort for formats like "May 19, 2002 3:21 PM": only accept a plausible year, since
  // Date.parse happily reads "1" or "feb 30" as something.
  if (!/\b(19|20)\d{2}\b/.test(value)) return undefined;
  // Appending UTC keeps the result independent of the machine's time zone when none is given.
  const asUtc = Date.parse(`${value} UTC`);
  const millis = Number.isNaN(asUtc) ? Date.parse(value) : asUtc;
  return Number.isNaN(millis) ? undefined : new Date(millis).toISOString();
};
