import type { WordSpan } from './entity-spans.js';
import { ROLE_NOUNS } from './possessive-names.js';

/**
 * "Tottenham manager Martin Jol", "France defender Gallas", "Chrysler chairman Lee Iacocca": a
 * lower-case role noun between two capitalised parts is no part of a name, but the tagger
 * sometimes runs the whole phrase into one span. The words before the role noun name the side,
 * firm or country the person works for; the words after it name the person.
 */
export const splitAtRoleNouns = <S extends WordSpan>(
  words: readonly string[],
  spans: readonly S[],
  isKnownPlace: (start: number, end: number) => boolean,
): S[] =>
  spans.flatMap((s) => {
    for (let k = s.start + 1; k < s.end - 1; k++) {
      if (!ROLE_NOUNS.has(words[k] as string)) continue;
      if (!/^\p{Lu}/u.test(words[s.start] as string)) return [s];
      if (!/^\p{Lu}/u.test(words[k + 1] as string)) return [s];
      const side: S = { ...s, end: k, type: isKnownPlace(s.start, k) ? 'GPE' : 'ORG' };
      return [side, { ...s, start: k + 1, type: 'PERSON' }];
    }
    return [s];
  });
