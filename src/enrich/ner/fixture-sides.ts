import type { TypedSpan } from './merge-kb-spans.js';

/**
 * A fixture names two sides with "v" between them ("Blackburn v Burnley", "Arsenal vs Chelsea"):
 * the word is no part of either name, and a sentence holding one reads as a match report, so
 * sports-context.ts types a town in a side's slot as the club, as it does after a score.
 */
const FIXTURE_WORDS = new Set(['v', 'vs', 'v.', 'vs.']);

const isCapitalised = (w: string | undefined): boolean => /^\p{Lu}/u.test(w ?? '');

/** Word i is a fixture's "v" between two capitalised words. */
export const isFixtureWord = (words: readonly string[], i: number): boolean =>
  i > 0 &&
  FIXTURE_WORDS.has(words[i] as string) &&
  isCapitalised(words[i - 1]) &&
  isCapitalised(words[i + 1]);

/** A span the tagger ran across a fixture's "v" becomes the two sides, each with its type. */
export const splitFixtureSpans = <S extends TypedSpan>(
  words: readonly string[],
  spans: readonly S[],
): S[] =>
  spans.flatMap((s) => {
    const out: S[] = [];
    let start = s.start;
    for (let i = s.start + 1; i < s.end - 1; i++) {
      if (!isFixtureWord(words, i)) continue;
      out.push({ ...s, start, end: i });
      start = i + 1;
    }
    return start === s.start ? [s] : [...out, { ...s, start }];
  });
