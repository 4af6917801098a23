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
  // Which span covers each word (the last one listed, when spans overlap): one pass, so a long
  // hostile line with many spans stays linear.
  let cover: Int32Array | undefined;
  const added: S[] = [];
  let replaced: Uint8Array | undefined;
  for (let i = 0; i < words.length; i++) {
    if (!isApostropheSurname(words[i] as string) || isCapitalised(words[i + 1])) continue;
    if (cover === undefined) {
      cover = new Int32Array(words.length).fill(-1);
      spans.forEach((s, k) => cover?.fill(k, s.start, s.end));
    }
    // The name starts at a given name or an initial just before the surname ("Brian O'Driscoll",
    // "B O'Driscoll"), else at the surname.
    const prev = words[i - 1];
    const start =
      i > 0 && (isInitial(prev) || (isCapitalised(prev) && isGivenName(prev as string)))
        ? i - 1
        : i;
    const touching = new Set<number>();
    for (let j = start; j <= i; j++)
      if ((cover[j] as number) >= 0) touching.add(cover[j] as number);
    const covering = [...touching].map((k) => spans[k] as S);
    // A span reaching outside [start, i] is some other reading of a longer name ("Cardinal Cormac
    // Murphy-O'Connor"), and a person span over exactly those words is right already.
    if (covering.some((s) => s.start < start || s.end > i + 1)) continue;
    if (covering.length === 1 && covering[0]?.type === 'PERSON' && covering[0].start === start)
      continue;
    replaced ??= new Uint8Array(spans.length);
    for (const k of touching) replaced[k] = 1;
    added.push({ ...make(start, i + 1), type: 'PERSON' });
  }
  if (added.length === 0) return [...spans];
  return [...spans.filter((_, k) => replaced?.[k] !== 1), ...added].sort(
    (a, b) => a.start - b.start,
  );
};
