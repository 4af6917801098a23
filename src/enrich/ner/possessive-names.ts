import type { WordSpan } from './entity-spans.js';
import { nameKeywordType } from './name-keywords.js';

/**
 * "Sweden 's Carolina Kluft", "Ethiopia 's Tirunesh Dibaba": a country's possessive before a
 * name the tagger has never seen. The greedy tagger either runs the place and the name into one
 * span or types the unfamiliar name as a place (newswire writes "Iraq 's Anbar province" often
 * enough). Sports and politics copy write the pattern constantly, and a place's possessive
 * before two or three capitalised words that are no known place and carry no organisation or
 * place keyword names a person there far more often than anything else.
 */

const POSSESSIVE = new Set(["'s", '’s']);

/**
 * Lower-case role nouns written right before a person's name ("Olympic champion Hicham El
 * Guerrouj", "Belgium rival Kim Gevaert", "opposition leader ..."): they never precede a
 * company or a place of two or three words.
 */
export const ROLE_NOUNS: ReadonlySet<string> = new Set(
  `champion rival compatriot team-mate teammate striker midfielder defender goalkeeper forward
  coach manager captain winner runner-up leader spokesman spokeswoman chairman chief executive
  president minister secretary ambassador envoy commander lawmaker senator candidate journalist
  actor actress singer author writer director player veteran counterpart successor predecessor
  opponent hurdler sprinter batsman bowler jockey rider driver boxer skier`.split(/\s+/),
);

export interface PossessiveContext {
  readonly words: readonly string[];
  /** Words [start, end) are exactly one known place name. */
  readonly isKnownPlace: (start: number, end: number) => boolean;
  /** The word is a known given name ("Patrick"). */
  readonly isGivenName?: (word: string) => boolean;
}

const isCapitalisedRun = (words: readonly string[], start: number, end: number): boolean => {
  for (let i = start; i < end; i++) if (!/^\p{Lu}\p{Ll}/u.test(words[i] as string)) return false;
  return true;
};

/** The known place that ends right before index `end` (1 to 3 words), if any. */
const placeEndingAt = (ctx: PossessiveContext, end: number): number | undefined => {
  for (let len = 3; len >= 1; len--) {
    if (end - len >= 0 && ctx.isKnownPlace(end - len, end)) return end - len;
  }
  return undefined;
};

export const splitPossessivePlaces = <S extends WordSpan>(
  spans: readonly S[],
  ctx: PossessiveContext,
): S[] => {
  const { words } = ctx;
  const out: S[] = [];
  for (const span of spans) {
    // "Sweden 's Carolina Kluft" as one span: the place, then the rest as a span of its own.
    let parts: S[] = [span];
    for (let i = span.start + 1; i < span.end - 1; i++) {
      if (!POSSESSIVE.has(words[i] as string)) continue;
      if (ctx.isKnownPlace(span.start, i)) {
        parts = [
          { ...span, end: i, type: 'GPE' },
          { ...span, start: i + 1 },
        ];
      } else if (
        // "Arsenal 's Patrick Vieira": a club's or a firm's possessive before a given name and a
        // surname ("Moody 's Investors Service" has no given name after it).
        span.end - i - 1 >= 2 &&
        span.end - i - 1 <= 3 &&
        ctx.isGivenName?.(words[i + 1] as string) === true &&
        isCapitalisedRun(words, i + 1, span.end)
      ) {
        parts = [
          { ...span, end: i, type: span.type === 'GPE' ? 'GPE' : 'ORG' },
          { ...span, start: i + 1, type: 'PERSON' },
        ];
      }
      break;
    }
    const split = parts.length > 1;
    for (const part of parts) {
      const len = part.end - part.start;
      const before = words[part.start - 1];
      // A part split off keeps a type the tagger gave the whole run: it says nothing.
      const afterPlacePossessive = (): boolean =>
        (split || part.type === 'GPE' || part.type === 'LOC') &&
        before !== undefined &&
        POSSESSIVE.has(before) &&
        placeEndingAt(ctx, part.start - 1) !== undefined;
      const afterRoleNoun = (): boolean =>
        (part.type === 'GPE' || part.type === 'LOC' || part.type === 'ORG') &&
        before !== undefined &&
        ROLE_NOUNS.has(before);
      const personShaped = (): boolean =>
        isCapitalisedRun(words, part.start, part.end) &&
        !ctx.isKnownPlace(part.start, part.end) &&
        !words
          .slice(part.start, part.end)
          .some((w) => nameKeywordType(w.toLowerCase()) !== undefined);
      const person =
        len >= 2 && len <= 3 && (afterPlacePossessive() || afterRoleNoun()) && personShaped();
      out.push(person ? { ...part, type: 'PERSON' } : part);
    }
  }
  return out;
};
