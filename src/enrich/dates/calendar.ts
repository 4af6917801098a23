/** Plain calendar arithmetic on UTC dates, enough to resolve news dates. */

export interface Ymd {
  readonly y: number;
  /** 1-12 */
  readonly m: number;
  readonly d: number;
}

export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;
export const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;

export const monthIndex = (name: string): number | undefined => {
  const lower = name.toLowerCase().replace(/\.$/, '');
  const i = MONTHS.findIndex((m) => m === lower || (lower.length >= 3 && m.startsWith(lower)));
  return i < 0 ? undefined : i + 1;
};

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
export const iso = (d: Ymd): string => `${pad(d.y, 4)}-${pad(d.m)}-${pad(d.d)}`;

const toDate = (d: Ymd): Date => new Date(Date.UTC(d.y, d.m - 1, d.d));
const fromDate = (d: Date): Ymd => ({
  y: d.getUTCFullYear(),
  m: d.getUTCMonth() + 1,
  d: d.getUTCDate(),
});

export const addDays = (d: Ymd, n: number): Ymd => {
  const t = toDate(d);
  t.setUTCDate(t.getUTCDate() + n);
  return fromDate(t);
};

export const weekday = (d: Ymd): number => toDate(d).getUTCDay();

export const daysInMonth = (y: number, m: number): number =>
  new Date(Date.UTC(y, m, 0)).getUTCDate();

export const monthRange = (y: number, m: number): string =>
  `${iso({ y, m, d: 1 })}/${iso({ y, m, d: daysInMonth(y, m) })}`;
export const yearRange = (y: number): string => `${pad(y, 4)}-01-01/${pad(y, 4)}-12-31`;

/** Monday-to-Sunday week containing d. */
export const weekRange = (d: Ymd): string => {
  const offset = (weekday(d) + 6) % 7;
  const monday = addDays(d, -offset);
  return `${iso(monday)}/${iso(addDays(monday, 6))}`;
};

export const parseIsoDate = (s: string | undefined): Ymd | undefined => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s ?? '');
  if (m === null) return undefined;
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
};

export const compare = (a: Ymd, b: Ymd): number => a.y - b.y || a.m - b.m || a.d - b.d;
