import { demonymWords, isCountryName } from './country-names.js';
import type { TypedSpan } from './merge-kb-spans.js';

/** Systems and units the KB types on its own (merge-kb-spans.ts KB_LED_TYPES). */
const SYSTEM_TYPES = new Set(['WEAPON', 'UNIT']);

/** A word in the spans' coordinates (word indices or characters). */
export interface PlacedWord {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * A demonym right before a weapon or unit the KB found is a nationality (NORP): "an Iranian
 * Silkworm missile strike", "Russian S-400s". The tagger may read the pair as one organisation
 * and the KB's system then replaces the whole span, losing the demonym the edge finder needs to
 * name the system's user; or the tagger may leave it untagged. Spans are sorted by start;
 * `wordBefore` gives the word right before a span (nothing but space between), if any.
 */
export const demonymsBeforeSystems = <S extends TypedSpan>(
  spans: readonly S[],
  wordBefore: (span: S) => PlacedWord | undefined,
  norp: (word: PlacedWord) => S,
): S[] => {
  const out: S[] = [];
  for (const s of spans) {
    const w = SYSTEM_TYPES.has(s.type) ? wordBefore(s) : undefined;
    if (
      w !== undefined &&
      /^\p{Lu}/u.test(w.text) &&
      demonymWords().has(w.text.toLowerCase()) &&
      // world-countries gives some places as their own demonym ("Gibraltar").
      !isCountryName([w.text]) &&
      (out.length === 0 || (out[out.length - 1] as S).end <= w.start)
    )
      out.push(norp(w));
    out.push(s);
  }
  return out;
};
