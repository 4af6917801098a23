import {
  addDays,
  compare,
  daysInMonth,
  iso,
  monthIndex,
  monthRange,
  parseIsoDate,
  weekday,
  weekRange,
  WEEKDAYS,
  yearRange,
  type Ymd,
} from './calendar.js';

export const DATES_VERSION = 'dates-1';

export interface DateMention {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Whether the text names the date itself or only relative to when it was written. */
  readonly relative: boolean;
  readonly granularity: 'day' | 'week' | 'month' | 'year' | 'decade';
  /** ISO date ("2022-06-29") or range ("2022-02-01/2022-02-28"); absent when unresolvable. */
  readonly value?: string;
  /** How the value was reached: "explicit", "publication date 2022-06-28 (last Tuesday)", ... */
  readonly basis: string;
}

const MONTH = String.raw`(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|Jun\.|July|Jul\.|August|Aug\.|Sept(?:ember|\.)?|Sep\.|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)`;
const WEEKDAY = String.raw`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`;
const YEAR = String.raw`(?:1[89]\d\d|20\d\d)`;

interface Rule {
  readonly re: RegExp;
  readonly resolve: (
    m: RegExpExecArray,
    ctx: Context,
  ) => Omit<DateMention, 'text' | 'start' | 'end'> | undefined;
}

interface Context {
  readonly pub: Ymd | undefined;
  readonly future: boolean;
}

const unresolved = (
  granularity: DateMention['granularity'],
  relative: boolean,
): Omit<DateMention, 'text' | 'start' | 'end'> => ({
  relative,
  granularity,
  basis: 'unresolved: no publication date',
});

/** The month/day nearest the publication date: before it, unless the sentence looks ahead. */
const nearestYear = (pub: Ymd, m: number, d: number, future: boolean): number => {
  const same = { y: pub.y, m, d };
  if (future) return compare(same, pub) >= 0 ? pub.y : pub.y + 1;
  return compare(same, pub) <= 0 ? pub.y : pub.y - 1;
};

const RULES: Rule[] = [
  {
    // "by the end of 2025", "end of the year"
    re: new RegExp(String.raw`\b(?:by )?the end of (${YEAR}|the year|this year|next year)\b`, 'gi'),
    resolve: (m, ctx) => {
      const what = (m[1] ?? '').toLowerCase();
      let y = Number(what);
      if (Number.isNaN(y)) {
        if (ctx.pub === undefined) return unresolved('day', true);
        y = ctx.pub.y + (what === 'next year' ? 1 : 0);
      }
      return {
        relative: Number.isNaN(Number(what)),
        granularity: 'day',
        value: `${y}-12-31`,
        basis: Number.isNaN(Number(what))
          ? `end of year from publication date ${iso(ctx.pub as Ymd)}`
          : 'explicit (end of year)',
      };
    },
  },
  {
    // "June 29, 2022", "June 29", "29 June 2022"
    re: new RegExp(
      String.raw`\b(?:(${MONTH}) (\d{1,2})(?:st|nd|rd|th)?(?:, (${YEAR}))?|(\d{1,2}) (${MONTH})(?: (${YEAR}))?)\b`,
      'g',
    ),
    resolve: (m, ctx) => {
      const month = monthIndex(m[1] ?? m[5] ?? '');
      const day = Number(m[2] ?? m[4]);
      const yearText = m[3] ?? m[6];
      if (month === undefined || day < 1 || day > 31) return undefined;
      if (yearText !== undefined) {
        const y = Number(yearText);
        if (day > daysInMonth(y, month)) return undefined;
        return {
          relative: false,
          granularity: 'day',
          value: iso({ y, m: month, d: day }),
          basis: 'explicit',
        };
      }
      if (ctx.pub === undefined) return unresolved('day', false);
      const y = nearestYear(ctx.pub, month, day, ctx.future);
      return {
        relative: false,
        granularity: 'day',
        value: iso({ y, m: month, d: day }),
        basis: `year from publication date ${iso(ctx.pub)}`,
      };
    },
  },
  {
    // "February 2022", "in February", "late February", "since January"
    re: new RegExp(
      String.raw`\b(?:(?:in|since|by|until|from|early|late|mid|mid-|last|next|this|of)\s+)?(${MONTH})(?: (${YEAR}))?\b`,
      'gi',
    ),
    resolve: (m, ctx) => {
      const whole = m[0];
      const name = m[1] ?? '';
      const month = monthIndex(name);
      if (month === undefined) return undefined;
      // A bare "May" or "March" is more often a verb than a month.
      const cued = whole.length > name.length;
      if (!cued && /^(?:may|march)$/i.test(name)) return undefined;
      if (!/^\p{Lu}/u.test(name)) return undefined;
      if (m[2] !== undefined) {
        return {
          relative: false,
          granularity: 'month',
          value: monthRange(Number(m[2]), month),
          basis: 'explicit',
        };
      }
      if (ctx.pub === undefined) return unresolved('month', false);
      const lead = whole.toLowerCase();
      const future = ctx.future || lead.startsWith('next');
      let y = ctx.pub.y;
      if (future && month < ctx.pub.m) y++;
      if (!future && month > ctx.pub.m) y--;
      if (lead.startsWith('last') && month >= ctx.pub.m) y = ctx.pub.y - 1;
      return {
        relative: false,
        granularity: 'month',
        value: monthRange(y, month),
        basis: `year from publication date ${iso(ctx.pub)}`,
      };
    },
  },
  {
    re: /\b(today|yesterday|tomorrow|tonight)\b/gi,
    resolve: (m, ctx) => {
      if (ctx.pub === undefined) return unresolved('day', true);
      const shift =
        { today: 0, tonight: 0, yesterday: -1, tomorrow: 1 }[(m[1] ?? '').toLowerCase()] ?? 0;
      return {
        relative: true,
        granularity: 'day',
        value: iso(addDays(ctx.pub, shift)),
        basis: `publication date ${iso(ctx.pub)}`,
      };
    },
  },
  {
    re: /\b(this|next|last|earlier this|later this|past)\s+(week|month|year)\b/gi,
    resolve: (m, ctx) => {
      const which = (m[1] ?? '').toLowerCase();
      const unit = (m[2] ?? '').toLowerCase() as 'week' | 'month' | 'year';
      if (ctx.pub === undefined) return unresolved(unit, true);
      const step = which === 'next' ? 1 : which === 'last' || which === 'past' ? -1 : 0;
      const basis = `publication date ${iso(ctx.pub)}`;
      if (unit === 'week')
        return {
          relative: true,
          granularity: 'week',
          value: weekRange(addDays(ctx.pub, 7 * step)),
          basis,
        };
      if (unit === 'year')
        return { relative: true, granularity: 'year', value: yearRange(ctx.pub.y + step), basis };
      const mm = ctx.pub.m + step;
      const y = ctx.pub.y + (mm < 1 ? -1 : mm > 12 ? 1 : 0);
      return {
        relative: true,
        granularity: 'month',
        value: monthRange(y, ((mm + 11) % 12) + 1),
        basis,
      };
    },
  },
  {
    // "on Tuesday", "Tuesday evening", "last Friday", "next Monday"
    re: new RegExp(String.raw`\b(?:(on|last|next|this|by|until|since)\s+)?(${WEEKDAY})\b`, 'gi'),
    resolve: (m, ctx) => {
      const dayIndex = WEEKDAYS.indexOf((m[2] ?? '').toLowerCase() as (typeof WEEKDAYS)[number]);
      if (ctx.pub === undefined) return unresolved('day', true);
      const lead = (m[1] ?? '').toLowerCase();
      const future = lead === 'next' || (ctx.future && lead !== 'last');
      const today = weekday(ctx.pub);
      const diff = future ? (dayIndex - today + 7) % 7 || 7 : -((today - dayIndex + 7) % 7);
      return {
        relative: true,
        granularity: 'day',
        value: iso(addDays(ctx.pub, diff)),
        basis: `publication date ${iso(ctx.pub)} (${future ? 'next' : 'most recent'} ${m[2]})`,
      };
    },
  },
  {
    re: new RegExp(String.raw`\b(?:in |since |by |until |from )?(${YEAR})(s)?\b(?![-.,]?\d)`, 'gi'),
    resolve: (m) => {
      const y = Number(m[1]);
      if (m[2] !== undefined)
        return {
          relative: false,
          granularity: 'decade',
          value: `${y}-01-01/${y + 9}-12-31`,
          basis: 'explicit',
        };
      return { relative: false, granularity: 'year', value: yearRange(y), basis: 'explicit' };
    },
  },
];

const FUTURE_CUE =
  /\b(?:will|shall|'ll|plans? to|is to|are to|going to|scheduled|upcoming|next|expected to|set to)\b/i;

/** Index of the first element of the ascending `xs` that is >= `x` (xs.length when none). */
const lowerBound = (xs: readonly number[], x: number): number => {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((xs[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/**
 * Answers "does the sentence before `start` contain a future cue?" in logarithmic time. Scanning
 * back to the sentence start and testing that slice for every match was quadratic on text with
 * many date-like matches and no full stop (200 KB of fuzzed markup took 5-21 s).
 *
 * Equivalent to testing FUTURE_CUE on `text.slice(sentenceStart, start)`: cues contain neither "."
 * nor a newline, so one scan of the whole text finds exactly the cues of each sentence, and a cue
 * cannot straddle `start`, where every rule's match begins with a word character after a non-word one.
 */
class FutureCues {
  private readonly breaks: number[] = [];
  private readonly cueStarts: number[] = [];
  private readonly cueEnds: number[] = [];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x2e || c === 0x0a) this.breaks.push(i);
    }
    const cues = new RegExp(FUTURE_CUE.source, 'gi');
    for (let m = cues.exec(text); m !== null; m = cues.exec(text)) {
      this.cueStarts.push(m.index);
      this.cueEnds.push(m.index + m[0].length);
    }
  }

  before(start: number): boolean {
    // The last "." or newline at or before `start`, as lastIndexOf(…, start) would find it.
    const lastBreak = lowerBound(this.breaks, start + 1) - 1;
    const sentenceStart = lastBreak < 0 ? 0 : (this.breaks[lastBreak] as number) + 1;
    const first = lowerBound(this.cueStarts, sentenceStart);
    return first < this.cueEnds.length && (this.cueEnds[first] as number) <= start;
  }
}

/** Whether [start, end) overlaps a span of the ascending, disjoint `spans`, from index `from` on. */
const overlapsFrom = (
  spans: readonly DateMention[],
  from: number,
  start: number,
  end: number,
): boolean => {
  const next = spans[from];
  return next !== undefined && next.start < end && start < next.end;
};

/**
 * Date expressions in `text`, resolved against `published` (ISO) when given. Rules run in order
 * and earlier (more specific) matches win where they overlap.
 *
 * Linear in the text: each rule's matches come in ascending order and never overlap one another,
 * so a single moving cursor over the (sorted, disjoint) mentions of earlier rules finds overlaps.
 */
export const findDates = (text: string, published?: string): DateMention[] => {
  const pub = parseIsoDate(published);
  const cues = new FutureCues(text);
  let found: DateMention[] = [];
  for (const rule of RULES) {
    const accepted: DateMention[] = [];
    let cursor = 0;
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m !== null; m = rule.re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      while (cursor < found.length && (found[cursor] as DateMention).end <= start) cursor++;
      if (overlapsFrom(found, cursor, start, end)) continue;
      const r = rule.resolve(m, { pub, future: cues.before(start) });
      if (r === undefined) continue;
      accepted.push({ text: m[0], start, end, ...r });
    }
    found = mergeByStart(found, accepted);
  }
  return found;
};

/** Merges two arrays each sorted by start into one. */
const mergeByStart = (a: DateMention[], b: DateMention[]): DateMention[] => {
  if (b.length === 0) return a;
  const out: DateMention[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x.start <= y.start)) {
      out.push(x as DateMention);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  return out;
};
