import { demonymWords, isCountryName } from './country-names.js';
import type { TypedSpan } from './merge-kb-spans.js';

/**
 * "The Papua New Guinea Government", "the British Government": the tagger takes the country and
 * the capitalised "Government" as one organisation, but news annotation conventions (and the
 * linker, which knows the country) name the country alone, a place, or the nationality; the
 * government word is a common noun written with a capital.
 */
const GOVERNMENT_WORDS = new Set(['government', 'govt', 'govt.', 'administration', 'authorities']);

export const cutGovernmentWord = <S extends TypedSpan>(
  words: readonly string[],
  spans: readonly S[],
): S[] =>
  spans.map((s) => {
    // "the Swiss Finance Ministry", "the French Foreign Ministry": the nationality before a
    // portfolio and "Ministry" is no part of the ministry's name, as "Finance Ministry" is how
    // the country's own press names it ("Swiss National Bank", with no portfolio, is one name).
    if (
      s.end - s.start === 3 &&
      (words[s.end - 1] as string).toLowerCase() === 'ministry' &&
      demonymWords().has((words[s.start] as string).toLowerCase())
    )
      return { ...s, start: s.start + 1, type: 'ORG' };
    if (s.end - s.start < 2 || !GOVERNMENT_WORDS.has((words[s.end - 1] as string).toLowerCase()))
      return s;
    const name = words.slice(s.start, s.end - 1);
    if (isCountryName(name)) return { ...s, end: s.end - 1, type: 'GPE' };
    if (name.length === 1 && demonymWords().has((name[0] as string).toLowerCase()))
      return { ...s, end: s.end - 1, type: 'NORP' };
    return s;
  });
