import type { TypedSpan } from './merge-kb-spans.js';

/**
 * Surnames written with an apostrophe after O or D ("O'Driscoll", "O'Gara", "D'Alema"): the
 * tagger, trained on text that rarely has them, drops them from the name or types them as
 * anything ("Brian" an event, "O'Connell" a place). Standing as a name of its own, or after a
 * given name or an initial, such a word is a person. Followed by another capitalised word it is
 * part of a longer name ("O'Hare Airport", "O'Hara Township") and left to the tagger.
 */
const APOSTROPHE_SURNAME = /^[OD]['’]\p{Lu}\p{Ll}+$/u;

export const isApostropheSurname = (word: string): boolean => APOSTROPHE_SURNAME.test(word);

const isCapitalised = (w: string | undefined): boolean => /^\p{Lu}/u.test(w ?? '');
const isInitial = (w: string | undefined): boolean => /^\p{Lu}\.?$/u.test(w ?? '');

export const personsWithApostropheSurnames = <S extends TypedSpan>(
  words: readonly string[],
  spans: readonly S[],
  isGivenName: (word: string) => boolean,
  make: (start: number, end: number) => S,
): S[] => {
  let out = [...spans];
  for (let i = 0; i < words.length; i++) {
    if (!isApostropheSurname(words[i] as string) || isCapitalised(words[i + 1])) continue;
    // The name starts at a given name or an initial just before the surname ("Brian O'Driscoll",
    // "B O'Driscoll"), else at the surname.
    const prev = words[i - 1];
    const start =
      i > 0 && (isInitial(prev) || (isCapitalised(prev) && isGivenName(prev as string)))
        ? i - 1
        : i;
    // A longer span over the surname that starts before `start` is some other name ("Cardinal
    // Cormac Murphy-O'Connor" stays with the tagger's reading).
    const covering = out.filter((s) => s.start <= i && i < s.end);
    if (covering.some((s) => s.start < start || s.end > i + 1)) continue;
    const touching = out.filter((s) => s.start < i + 1 && start < s.end);
    if (touching.length === 1 && touching[0]?.type === 'PERSON') {
      const only = touching[0];
      if (only.start === start && only.end === i + 1) continue;
    }
    out = out.filter((s) => !(s.start < i + 1 && start < s.end));
    out.push({ ...make(start, i + 1), type: 'PERSON' });
  }
  return out.sort((a, b) => a.start - b.start);
};
