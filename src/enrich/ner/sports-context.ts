import { isNationalSide } from './country-names.js';
import { isFixtureWord } from './fixture-sides.js';
import type { TypedSpan } from './merge-kb-spans.js';

/**
 * Sports reports name clubs after their towns ("Barcelona", "Nottingham Forest", "Bolton"): in a
 * sentence that reads as a match report, such a name is the club, an organisation, unless it
 * follows "in" or "from" ("in Madrid"). A country stays a place (the national team is written as
 * the country, and annotation conventions keep it a place).
 */

/** "2-1", "17-16"; "5-6 March" is a date range, not a score. */
const SCORE = /^\d{1,3}-\d{1,3}$/;
const MONTH =
  /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)\.?$/i;
/** Words only match reports use. */
const SPORT_WORDS = new Set(
  'striker strikers midfielder midfielders goalkeeper goalkeepers equaliser equalizer hat-trick semi-final semi-finals quarter-final quarter-finals wicket wickets innings inning half-time extra-time relegation'.split(
    ' ',
  ),
);
/** Last words of a ground's name: "Ewood Park", "Stamford Bridge", "Nou Camp", "Old Trafford". */
const GROUND_HEADS = new Set(
  'park stadium stadio estadio arena ground road lane bridge camp trafford oval field'.split(' '),
);
const POSSESSIVE = new Set(["'s", '’s']);
const PLACE_PREPOSITIONS = new Set(['in', 'from', 'near', 'In', 'From', 'Near']);

/**
 * Lower-case words that follow a score ("a 2-1 win", "won 3-0 at", "2-0 down") but not a range of
 * figures ("10-15 km", "a 52-48 vote", "20-30 soldiers"); a capitalised word ("a 2-1 Uefa Cup
 * win") or punctuation may follow either, and words before a range ("between", "aged") rule it out.
 */
const AFTER_SCORE = new Set(
  `win wins victory victories defeat defeats draw draws loss losses lead leads deficit aggregate
  home away down up ahead winners triumph thrashing success scoreline stalemate tie derby friendly
  replay result final semi-final quarter-final on in at to after by with against over and before
  but when so we they he she it the`.split(/\s+/),
);
const BEFORE_RANGE = new Set(
  'between from aged of about around some roughly approximately nearly almost over under'.split(
    ' ',
  ),
);

const isScore = (words: readonly string[], i: number): boolean => {
  const w = words[i] as string;
  if (!SCORE.test(w) || w === '50-50') return false;
  if (BEFORE_RANGE.has((words[i - 1] ?? '').toLowerCase())) return false;
  const next = words[i + 1];
  if (next === undefined || /^\p{P}+$/u.test(next)) return true;
  if (MONTH.test(next)) return false;
  return /^\p{Lu}/u.test(next) || AFTER_SCORE.has(next);
};

export const isMatchReport = (words: readonly string[]): boolean => {
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    const c = w.charCodeAt(0);
    if (c >= 48 && c <= 57 ? isScore(words, i) : SPORT_WORDS.has(w) || isFixtureWord(words, i))
      return true;
  }
  return false;
};

export interface SportsContext {
  /** Words [start, end) are exactly one known place (the model's lexicon). */
  readonly isKnownPlace: (start: number, end: number) => boolean;
  /** The word is a known given name. */
  readonly isGivenName?: (word: string) => boolean;
}

/**
 * Spans of a match-report sentence retyped: a place other than a country, not after "in"/"from",
 * becomes an organisation, and so does a one-word "person" that is a known place ("Chester");
 * a country the tagger made an organisation becomes a place. Retyped spans are marked typedByCue
 * so document-consistency.ts carries the reading to the report's other mentions.
 */
export const retypeMatchReport = <S extends TypedSpan>(
  words: readonly string[],
  spans: readonly S[],
  ctx: SportsContext,
  /** The sentence belongs to a sports report (document-case.ts), score or none. */
  inSportsReport = false,
): S[] => {
  if (!inSportsReport && !isMatchReport(words)) return [...spans];
  return spans.map((s) => {
    const name = words.slice(s.start, s.end);
    if (isNationalSide(name)) return s.type === 'ORG' ? { ...s, type: 'GPE', typedByCue: true } : s;
    if (
      name.length >= 2 &&
      GROUND_HEADS.has((name[name.length - 1] as string).toLowerCase()) &&
      s.type !== 'PERSON'
    )
      return { ...s, type: 'FACILITY', typedByCue: true };
    // "in Madrid" is the town; "in Liverpool 's 3-2 defeat" the club.
    if (PLACE_PREPOSITIONS.has(words[s.start - 1] ?? '') && !POSSESSIVE.has(words[s.end] ?? ''))
      return s;
    // "Bayern Munich", "Bayer Leverkusen": a word and a town, the first no given name.
    if (
      s.type === 'PERSON' &&
      name.length === 2 &&
      ctx.isKnownPlace(s.start + 1, s.end) &&
      ctx.isGivenName?.(name[0] as string) !== true
    )
      return { ...s, type: 'ORG', typedByCue: true };
    if (
      s.type === 'GPE' ||
      (s.type === 'PERSON' && name.length === 1 && ctx.isKnownPlace(s.start, s.end))
    )
      return { ...s, type: 'ORG', typedByCue: true };
    return s;
  });
};

/** Nouns after a national side's name that make it the team ("England coach", "Wales side"). */
const SIDE_NOUNS = new Set(
  `side sides team squad camp coach coaches manager captain skipper players player striker
  strikers midfielder defender goalkeeper keeper winger forward forwards prop lock flanker
  fly-half scrum-half centre wing full-back hooker batsman batsmen bowler bowlers opener
  all-rounder international internationals debutant supporters fans`.split(/\s+/),
);

/**
 * A national side's name the tagger reads as a person ("Wales hails new superstar") or as an
 * organisation before a team noun ("the England camp", "Ireland coach") is the country: news
 * annotation conventions keep a national team a place. A side's name that is also a given name
 * ("Jordan") is left to the tagger.
 */
export const retypeNationalSides = <S extends TypedSpan>(
  words: readonly string[],
  spans: readonly S[],
  isGivenName: (word: string) => boolean,
): S[] =>
  spans.map((s) => {
    if (s.type !== 'PERSON' && s.type !== 'ORG') return s;
    const name = words.slice(s.start, s.end);
    if (!isNationalSide(name) || (name.length === 1 && isGivenName(name[0] as string))) return s;
    if (s.type === 'PERSON') return { ...s, type: 'GPE' };
    const next = words[s.end] === "'s" || words[s.end] === '’s' ? s.end + 1 : s.end;
    return SIDE_NOUNS.has(words[next] ?? '') ? { ...s, type: 'GPE', typedByCue: true } : s;
  });
