import type { EntityType } from '../../kb/kb-types.js';

/** A span in either word or character coordinates; merging does not care which. */
export interface TypedSpan {
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
  readonly ids: readonly string[];
  readonly source: 'model' | 'kb' | 'model+kb';
  /** Every type a KB phrase may have (an alias can name a country and a demonym). */
  readonly types?: readonly EntityType[];
  /** Typed by the words after it ("X is a village"), which outweighs the tagger elsewhere. */
  readonly typedByCue?: boolean;
}

/** Types the KB is trusted to add on its own: the corpora barely label them, the KB lists them. */
const KB_LED_TYPES = new Set<EntityType>(['WEAPON', 'UNIT']);

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

/**
 * Model spans first, then the KB: weapons and units the KB knows replace whatever the model said
 * there; other known names fill gaps the model left (when `canFill` agrees, e.g. capitalised);
 * a model span that is exactly a KB phrase takes the KB's ids (and its finer type when the model
 * only said GPE).
 */
export const mergeKbSpans = <S extends TypedSpan>(
  modelSpans: readonly S[],
  kbSpans: readonly S[],
  canFill: (span: S) => boolean,
): S[] => {
  let spans = [...modelSpans];
  for (const m of kbSpans) {
    const exact = spans.findIndex((s) => s.start === m.start && s.end === m.end);
    if (exact >= 0) {
      const s = spans[exact] as S;
      // The model's WEAPON guesses are weak (few training examples): the KB's type wins there.
      // A KB phrase with a single reading ("Lockheed Martin" is a company) overrides the tagger,
      // unless the tagger read an organisation where the KB knows a place: a club or a team
      // named after its town ("Leeds") is told by its context, which the KB does not see.
      // Chosen on the GMB dev part (ORG F1 61.1 -> 62.8 through the whole recogniser).
      const type =
        KB_LED_TYPES.has(m.type) ||
        KB_LED_TYPES.has(s.type) ||
        ((m.types ?? [m.type]).length === 1 &&
          !(s.type === 'ORG' && (m.type === 'GPE' || m.type === 'LOC'))) ||
        (s.type === 'GPE' && (m.type === 'LOC' || m.type === 'FACILITY'))
          ? m.type
          : s.type;
      spans[exact] = { ...s, type, ids: m.ids, source: 'model+kb' };
      continue;
    }
    const crossing = spans.filter((s) => overlaps(s, m));
    if (KB_LED_TYPES.has(m.type)) {
      // A longer model span around a weapon ("the F-35 programme") keeps its own reading.
      if (crossing.some((s) => s.start <= m.start && s.end >= m.end && s.type === m.type)) continue;
      spans = spans.filter((s) => !overlaps(s, m));
      spans.push(m);
    } else if (crossing.length === 0 && canFill(m)) {
      spans.push(m);
    }
  }
  return spans.sort((a, b) => a.start - b.start);
};
