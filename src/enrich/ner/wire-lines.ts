import type { EntityType } from '../../kb/kb-types.js';
import { isNationalSide } from './country-names.js';
import type { TypedSpan } from './merge-kb-spans.js';

/**
 * Two kinds of wire-service line that are not sentences, so the tagger (trained on sentences)
 * reads them badly:
 *
 * - a dateline, "SALVADOR, Feb 26" or "LONDON 1996-08-30": the names before the date are places;
 * - a line of a sports results table or standings, "Bayern Munich 3 Werder Bremen 0",
 *   "Feyenoord 5 4 1 0 11 4 13": the names followed by scores are teams, which are organisations
 *   (a club named after its town included), except a country's national team, which news
 *   annotation conventions keep a place.
 */

const MONTH =
  /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\.?$|^(?:january|february|march|april|june|july|august|september|october|november|december)$/i;
const DAY = /^\d{1,3}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isUpperInitial = (w: string): boolean => /^\p{Lu}/u.test(w);

type Span = TypedSpan;

const span = (start: number, end: number, type: EntityType): Span => ({
  start,
  end,
  type,
  ids: [],
  source: 'model',
});

/**
 * Places of a dateline line: capitalised groups separated by commas, then a date ("Feb 26",
 * "1996-08-30") and nothing else but a dash. Undefined when the line is no dateline.
 */
/** Common words that are also the first words of place names ("SOUTH ST. PAUL", "NEW YORK"). */
const PLACE_WORDS = new Set(
  'north south east west new saint st port fort mount lake city beach falls springs island bay'.split(
    ' ',
  ),
);

export const datelineSpans = (
  words: readonly string[],
  isCommon: (lowerCased: string) => boolean = () => false,
): Span[] | undefined => {
  let end = words.length;
  while (end > 0 && /^[-–—:]$/.test(words[end - 1] as string)) end--;
  let dateStart: number;
  if (end >= 1 && ISO_DATE.test(words[end - 1] as string)) dateStart = end - 1;
  else if (end >= 2 && MONTH.test(words[end - 2] as string) && DAY.test(words[end - 1] as string))
    dateStart = end - 2;
  else return undefined;
  let nameEnd = dateStart;
  if (words[nameEnd - 1] === ',') nameEnd--;
  if (nameEnd === 0) return undefined;
  // The first word is written in capitals (LONDON, SOUTH ST. PAUL) as the wire writes datelines.
  const first = words[0] as string;
  if (first !== first.toUpperCase() || !/\p{L}{2}/u.test(first)) return undefined;
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i <= nameEnd; i++) {
    const w = words[i];
    if (i < nameEnd && w !== ',') {
      if (!isUpperInitial(w as string) && w !== '.') return undefined;
      // "TALKS END MARCH 2" is a headline, not a dateline.
      const lower = (w as string).toLowerCase();
      if (isCommon(lower) && !PLACE_WORDS.has(lower)) return undefined;
      continue;
    }
    let e = i;
    while (e > start && words[e - 1] === '.') e--;
    if (e === start) return undefined;
    out.push({ ...span(start, e, 'GPE'), fixed: true });
    start = i + 1;
  }
  return out.length > 0 && out.length <= 3 ? out : undefined;
};

/** A score or table figure: "2", "13", "2-1", ".634". */
const SCORE = /^(?:\d{1,3}(?:-\d{1,3})?|\d*\.\d+)$/;
/** Lower-case words a team's name may hold ("Paris St Germain", "Real Sociedad de Futbol"). */
const NAME_CONNECTORS = new Set(['de', 'of', 'and', 'la', 'del', 'van', 'der', '&', '.']);

interface Run {
  readonly start: number;
  readonly end: number;
}

/**
 * The team names of a results or standings line: outside brackets (which list scorers, "( Van
 * Gastel 33 )"), every token a capitalised word, a connector, a score or punctuation; at least two
 * names each followed by a score ("Japan 2 Syria 1"), or one name followed by at least three
 * figures ("Feyenoord 5 4 1 0 11 4 13"). Undefined otherwise.
 */
const resultsRuns = (words: readonly string[]): Run[] | undefined => {
  const runs: Run[] = [];
  let i = 0;
  let scored = 0;
  let longest = 0;
  let depth = 0;
  while (i < words.length) {
    const w = words[i] as string;
    if (w === '(') depth++;
    else if (w === ')') depth = Math.max(0, depth - 1);
    if (depth > 0 || SCORE.test(w) || /^[\p{P}]$/u.test(w)) {
      i++;
      continue;
    }
    if (!isUpperInitial(w) || MONTH.test(w)) return undefined;
    let end = i + 1;
    while (
      end < words.length &&
      (isUpperInitial(words[end] as string) ||
        (NAME_CONNECTORS.has(words[end] as string) && isUpperInitial(words[end + 1] ?? '')))
    )
      end++;
    let figures = 0;
    while (SCORE.test(words[end + figures] ?? '')) figures++;
    if (figures > 0) scored++;
    longest = Math.max(longest, figures);
    runs.push({ start: i, end });
    i = end;
  }
  if (runs.length === 0 || runs.length > 4) return undefined;
  return (scored >= 2 && scored === runs.length) || (runs.length === 1 && longest >= 3)
    ? runs
    : undefined;
};

/**
 * The spans of a results line: each team a country (GPE) or an organisation; a span the tagger
 * made PERSON over exactly the run is kept when `isPerson` agrees (golf and athletics tables list
 * players); the tagger's spans in brackets (scorers) are kept. Undefined when the line is no
 * results line.
 */
export const resultsLineSpans = (
  words: readonly string[],
  spans: readonly Span[],
  isPerson: (start: number, end: number) => boolean,
): Span[] | undefined => {
  const runs = resultsRuns(words);
  if (runs === undefined) return undefined;
  const teams = runs.map(({ start, end }) => {
    // "England 2 Poland 1": a national side, written as its country, stays a place.
    if (isNationalSide(words.slice(start, end))) return span(start, end, 'GPE');
    const same = spans.find((s) => s.start === start && s.end === end);
    if (same !== undefined && same.type === 'PERSON' && isPerson(start, end)) return same;
    // The table says what the name is, so it outvotes the tagger's reading of the same name in
    // the report's prose ("Barnsley" the club, not the town) in document-consistency.ts.
    return { ...span(start, end, 'ORG'), typedByCue: true };
  });
  const others = spans.filter((s) => !teams.some((t) => s.start < t.end && t.start < s.end));
  return [...teams, ...others].sort((a, b) => a.start - b.start);
};

/**
 * "Essex 345 and 210-5": a place or a person never ends in a bare figure (a score, a runner's
 * time), unlike organisations and products ("Channel 4", "Boeing 747"), which are left alone; no
 * name ends in a score, nor a place or organisation in a month's name ("Fredric March" may).
 */
export const trimTrailingFigure = <S extends TypedSpan>(words: readonly string[], s: S): S => {
  if (s.end - s.start < 2 || !/^\p{Lu}/u.test(words[s.end - 2] as string)) return s;
  const last = words[s.end - 1] as string;
  // Nor a month ("JAPAN FEBRUARY RESERVES RECORD ..."), nor a score ("Partizani Tirana 6-1").
  if (MONTH.test(last) && last.length > 3 && s.type !== 'PERSON') return { ...s, end: s.end - 1 };
  const figure =
    /^\d{1,3}-\d{1,3}$/.test(last) ||
    ((s.type === 'GPE' || s.type === 'PERSON') && /^\d+$/.test(last));
  return figure ? { ...s, end: s.end - 1 } : s;
};

/** "FIRESTONE < FIR > TO CLOSE ...": a stock ticker in angle brackets is no name of its own. */
export const isTicker = (words: readonly string[], s: { start: number; end: number }): boolean =>
  s.end - s.start === 1 &&
  words[s.start - 1] === '<' &&
  words[s.end] === '>' &&
  /^[\p{Lu}\d.]{1,8}$/u.test(words[s.start] as string);

/**
 * Sports desks open a headline with the sport and a dash ("RUGBY UNION - WALES BEAT ITALY",
 * "MOTOR RACING - HILL ON POLE"): the label is no name, though "Union" or "League" would make
 * the tagger read one.
 */
const SPORTS = new Set(
  `soccer football rugby union league tennis golf cricket baseball basketball hockey ice
  athletics cycling boxing motor racing motorcycling formula one skiing alpine nordic swimming
  rowing sailing yachting horse squash badminton volleyball handball snooker darts judo
  wrestling weightlifting triathlon american nfl nba nhl gymnastics equestrianism
  canoeing fencing archery shooting speed skating bobsleigh luge biathlon`.split(/\s+/),
);
const MAX_LABEL_WORDS = 3;

/** How many words of a headline are its sports desk's label ("RUGBY UNION"), 0 if none. */
export const sportLabelLength = (words: readonly string[]): number => {
  const dash = words.findIndex((w) => /^[-–—]$/.test(w));
  if (dash < 1 || dash > MAX_LABEL_WORDS) return 0;
  for (let i = 0; i < dash; i++) {
    const w = words[i] as string;
    if (w !== w.toUpperCase() || !SPORTS.has(w.toLowerCase())) return 0;
  }
  return dash;
};
