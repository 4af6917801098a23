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
  /**
   * Typed by where it stands (the places of a dateline, "NEW YORK 1996-08-22"): document
   * consistency neither counts it nor changes it, as the same name in a results line is a team.
   */
  readonly fixed?: boolean;
}

/** Types the KB is trusted to add on its own: the corpora barely label them, the KB lists them. */
const KB_LED_TYPES = new Set<EntityType>(['WEAPON', 'UNIT']);

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

/** A span and its place in the order the merge first met it (ties in the final sort keep it). */
interface Placed<S> {
  span: S;
  readonly seq: number;
}

/** Spans longer than this are rare (names are short) and checked against every KB phrase. */
const LONG = 256;

/**
 * Model spans first, then the KB: weapons and units the KB knows replace whatever the model said
 * there; other known names fill gaps the model left (when `canFill` agrees, e.g. capitalised);
 * a model span that is exactly a KB phrase takes the KB's ids (and its finer type when the model
 * only said GPE).
 *
 * Spans are kept sorted by start so the ones a KB phrase crosses are found by bisection: scanning
 * every span for every phrase was quadratic (400 KB of names took 6 s in findEntities).
 */
export const mergeKbSpans = <S extends TypedSpan>(
  modelSpans: readonly S[],
  kbSpans: readonly S[],
  canFill: (span: S) => boolean,
): S[] => {
  let seq = 0;
  const place = (span: S): Placed<S> => ({ span, seq: seq++ });
  const placed = modelSpans.map(place);
  const long = placed.filter((p) => p.span.end - p.span.start > LONG);
  // Sorted by start, then by when met (a stable sort of spans met in order).
  const short = placed
    .filter((p) => p.span.end - p.span.start <= LONG)
    .sort((a, b) => a.span.start - b.span.start);
  const firstStartAtLeast = (x: number): number => {
    let lo = 0;
    let hi = short.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((short[mid] as Placed<S>).span.start < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const add = (span: S): void => {
    const p = place(span);
    if (span.end - span.start > LONG) long.push(p);
    // After every span starting at or before it: it was met last.
    else short.splice(firstStartAtLeast(span.start + 1), 0, p);
  };
  for (const m of kbSpans) {
    // A short span crossing m starts after m.start - LONG and before m.end.
    const crossingShort: number[] = [];
    for (let k = firstStartAtLeast(m.start - LONG); k < short.length; k++) {
      const s = (short[k] as Placed<S>).span;
      if (s.start >= m.end) break;
      if (overlaps(s, m)) crossingShort.push(k);
    }
    const crossing = [
      ...crossingShort.map((k) => short[k] as Placed<S>),
      ...long.filter((p) => overlaps(p.span, m)),
    ];
    let exact: Placed<S> | undefined;
    // An empty phrase crosses nothing but can still equal an empty span.
    for (const p of m.end > m.start ? crossing : [...short, ...long]) {
      if (
        p.span.start === m.start &&
        p.span.end === m.end &&
        (exact === undefined || p.seq < exact.seq)
      )
        exact = p;
    }
    if (exact !== undefined) {
      const s = exact.span;
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
      exact.span = { ...s, type, ids: m.ids, source: 'model+kb' };
      continue;
    }
    if (KB_LED_TYPES.has(m.type)) {
      // A longer model span around a weapon ("the F-35 programme") keeps its own reading.
      if (crossing.some(({ span: s }) => s.start <= m.start && s.end >= m.end && s.type === m.type))
        continue;
      for (let j = crossingShort.length - 1; j >= 0; j--)
        short.splice(crossingShort[j] as number, 1);
      for (let j = long.length - 1; j >= 0; j--)
        if (overlaps((long[j] as Placed<S>).span, m)) long.splice(j, 1);
      add(m);
    } else if (crossing.length === 0 && canFill(m)) {
      add(m);
    }
  }
  return [...short, ...long]
    .sort((a, b) => a.span.start - b.span.start || a.seq - b.seq)
    .map((p) => p.span);
};
