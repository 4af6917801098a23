import type { StoryOptions } from './story-options.js';
import type { InverseFrequency, TermSpace, TermVector } from './term-space.js';

/** IDF of a term in `frequency` of `documents` documents. */
export const inverseFrequency = (
  documents: number,
  frequency: number,
  kind: StoryOptions['idf'],
): number =>
  kind === 'bm25'
    ? Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5))
    : Math.log((documents + 1) / (frequency + 1)) + 1;

/** A vector and its norm with IDF applied: computed once per assignment for each candidate story. */
export interface Weighted {
  readonly vector: TermVector;
  readonly norm: number;
}

/**
 * TF-IDF arithmetic of one assignment over a TermSpace. The sums run over each vector's terms in
 * its Map's order, as they did over the Maps, so every similarity is the same number to the bit.
 */
export class Scoring {
  constructor(
    private readonly space: TermSpace,
    private readonly inverse: InverseFrequency,
  ) {}

  weighted(vector: TermVector): Weighted {
    const { ids, weights } = vector;
    let sum = 0;
    for (let i = 0; i < ids.length; i++) {
      const value = (weights[i] as number) * this.space.idf(ids[i] as number, this.inverse);
      sum += value * value;
    }
    return { vector, norm: Math.sqrt(sum) };
  }

  /** Cosine of two TF-IDF vectors, walking the smaller one; the norms come precomputed. */
  cosine(a: Weighted, b: Weighted): number {
    if (a.norm === 0 || b.norm === 0) return 0;
    const [small, large] = a.vector.ids.length <= b.vector.ids.length ? [a, b] : [b, a];
    this.space.markOf(large.vector);
    return this.space.dot(small.vector, this.inverse) / (a.norm * b.norm);
  }

  /** The `count` terms of heaviest TF-IDF weight (ties: the smaller term). */
  heaviest(vector: TermVector, count: number): string[] {
    const { ids, weights } = vector;
    const values = new Float64Array(ids.length);
    const order: number[] = [];
    for (let i = 0; i < ids.length; i++) {
      values[i] = (weights[i] as number) * this.space.idf(ids[i] as number, this.inverse);
      order.push(i);
    }
    const term = (i: number): string => this.space.term(ids[i] as number);
    return order
      .sort((i, j) => (values[j] as number) - (values[i] as number) || (term(i) < term(j) ? -1 : 1))
      .slice(0, count)
      .map(term);
  }
}
