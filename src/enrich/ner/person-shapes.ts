import type { WordSpan } from './entity-spans.js';

/**
 * Two shapes of person names that wire sports pages print constantly and the tagger, trained on
 * running prose, misreads:
 * - a cricket scorecard's "M. Atherton c Moin Khan b Wasim Akram": the fielder's and bowler's
 *   marks (c, b, st, lbw) are lower-case words between names, and the tagger runs the names on
 *   both sides into one span;
 * - an initial and a surname ("M. Atherton", "A. Stewart") typed as a place: a single capital
 *   with a full stop opens a person's name, never a place's ("U.S.", "St." are not initials).
 */
const SCORECARD_MARKS = new Set(['b', 'c', 'st', 'lbw', 'c&b']);
const INITIAL = /^\p{Lu}\.$/u;
const CAPITALISED = /^\p{Lu}\p{Ll}/u;

export const splitScorecardNames = <S extends WordSpan>(
  words: readonly string[],
  spans: readonly S[],
): S[] =>
  spans.flatMap((s) => {
    const parts: S[] = [];
    let from = s.start;
    for (let k = s.start + 1; k < s.end - 1; k++) {
      if (!SCORECARD_MARKS.has(words[k] as string)) continue;
      if (!/^\p{Lu}/u.test(words[k - 1] as string) || !/^\p{Lu}/u.test(words[k + 1] as string)) {
        continue;
      }
      parts.push({ ...s, start: from, end: k, type: 'PERSON' });
      from = k + 1;
    }
    if (parts.length === 0) return [s];
    parts.push({ ...s, start: from, type: 'PERSON' });
    return parts;
  });

export const initialledPersons = <S extends WordSpan>(
  words: readonly string[],
  spans: readonly S[],
  isKnownPlace: (start: number, end: number) => boolean,
): S[] =>
  spans.map((s) => {
    if (s.type !== 'GPE' && s.type !== 'LOC') return s;
    const len = s.end - s.start;
    if (len < 2 || len > 3 || !INITIAL.test(words[s.start] as string)) return s;
    for (let i = s.start + 1; i < s.end; i++) {
      if (!CAPITALISED.test(words[i] as string)) return s;
    }
    return isKnownPlace(s.start, s.end) ? s : { ...s, type: 'PERSON' };
  });
