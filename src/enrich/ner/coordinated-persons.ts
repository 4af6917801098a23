import type { TypedSpan } from './merge-kb-spans.js';

/**
 * "Karim and Sadiq": a one-word name joined by "and" to a one-word person is a person too, unless
 * it is a known place ("Smith and London" stays a place). The tagger, which has seen "Sadiq" in
 * "Sadiq Khan" and "Sadiq City" alike, may type the second of such a pair a place on its own.
 */
export const personsJoinedToPersons = <S extends TypedSpan>(
  words: readonly string[],
  spans: readonly S[],
  isKnownPlace: (start: number, end: number) => boolean,
): S[] => {
  const isPlaceTyped = (s: S): boolean => s.type === 'GPE' || s.type === 'LOC';
  const oneWord = (s: S | undefined): s is S => s !== undefined && s.end - s.start === 1;
  return spans.map((s, k) => {
    if (!oneWord(s) || !isPlaceTyped(s) || isKnownPlace(s.start, s.end)) return s;
    const before = spans[k - 1];
    const after = spans[k + 1];
    const joined = (o: S | undefined, andAt: number): boolean =>
      oneWord(o) && o.type === 'PERSON' && words[andAt] === 'and';
    return (joined(before, s.start - 1) && before?.end === s.start - 1) ||
      (joined(after, s.end) && after?.start === s.end + 1)
      ? { ...s, type: 'PERSON' }
      : s;
  });
};
