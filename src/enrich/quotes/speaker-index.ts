import type { Sentence } from '../tokenize.js';

/** An entity mention as the index needs it. */
interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

/** Candidates longer than this are few (mentions hardly overlap) and checked on every query. */
const SHORT = 512;

/** Index of the first element of the ascending `xs` that is >= `x` (xs.length when none). */
export const lowerBound = (xs: readonly number[], x: number): number => {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((xs[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/**
 * Finds the speaker candidates overlapping a span without scanning them all: filtering every
 * candidate for every quote was quadratic on text with thousands of quotes and names.
 */
export class SpeakerIndex<C extends Candidate> {
  /** Indices into `candidates` of the short ones, by start. */
  private readonly byStart: number[];
  private readonly starts: number[];
  private readonly long: number[] = [];

  constructor(private readonly candidates: readonly C[]) {
    const short: number[] = [];
    candidates.forEach((c, i) => (c.end - c.start > SHORT ? this.long : short).push(i));
    this.byStart = short.sort((a, b) => (candidates[a] as C).start - (candidates[b] as C).start);
    this.starts = this.byStart.map((i) => (candidates[i] as C).start);
  }

  /**
   * The person named last before `end` among candidates overlapping [start, end) (last in the
   * candidates' own order), else such an organisation.
   */
  closestBefore(start: number, end: number): C | undefined {
    let person = -1;
    let org = -1;
    const consider = (i: number): void => {
      const c = this.candidates[i] as C;
      if (!(c.start < end && start < c.end)) return;
      if (c.type === 'PERSON' && i > person) person = i;
      else if (c.type === 'ORG' && i > org) org = i;
    };
    // A short candidate overlapping [start, end) starts after start - SHORT and before end.
    for (let k = lowerBound(this.starts, start - SHORT); k < this.starts.length; k++) {
      if ((this.starts[k] as number) >= end) break;
      consider(this.byStart[k] as number);
    }
    for (const i of this.long) consider(i);
    const best = person >= 0 ? person : org;
    return best >= 0 ? this.candidates[best] : undefined;
  }
}

/**
 * The first sentence with `offset` in [start, end] (sentences are ascending and disjoint), found by
 * bisection instead of a scan per quote.
 */
export const sentenceAt = (
  sentences: readonly Sentence[],
  offset: number,
): Sentence | undefined => {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sentences[mid] as Sentence).end + 1 <= offset) lo = mid + 1;
    else hi = mid;
  }
  const s = sentences[lo];
  return s !== undefined && offset >= s.start ? s : undefined;
};
