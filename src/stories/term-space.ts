/** Reads the corpus' document count and the document frequencies of `terms` (0 when unseen). */
export type FetchFrequencies = (
  terms: readonly string[],
) => Promise<{ documents: number; frequencies: Map<string, number> }>;

/** A term vector with its terms as ids, in the order of the Map it was made from. */
export interface TermVector {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
}

/** An index that keeps a TermSpace across assignments (CachingStoryIndex). */
export interface HasTermSpace {
  readonly termSpace: TermSpace;
}

/**
 * IDF from the corpus' document count and a term's document frequency (the term is passed for
 * rules that depend on it); fixed for one assignment, so its values are kept per term until then.
 */
export type InverseFrequency = (documents: number, frequency: number, term: string) => number;

const grown = <T extends Int32Array | Float64Array>(array: T, size: number, fill: number): T => {
  if (array.length >= size) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2));
  next.fill(fill);
  next.set(array);
  return next;
};

/**
 * Story terms as small integers, with the document frequencies known for them, so scoring an
 * article against its candidate stories (thousands of centroid terms) reads typed arrays instead
 * of string-keyed maps: looking up, copying and caching those frequencies per term was a third of
 * story assignment's time (measured on BBC fulltext).
 *
 * Exact: a frequency is used only after it was read from the index in this process, kept current
 * by counted(); when the corpus' document count moves other than through counted() (another
 * writer), every frequency is forgotten and read again. Ids stay stable until begin() finds the
 * table over its bound and starts afresh (only between assignments).
 */
export class TermSpace {
  private idOf = new Map<string, number>();
  private terms: string[] = [];
  /** Document frequency per id; -1 where not read yet. */
  private df = new Int32Array(1024).fill(-1);
  private vectors = new WeakMap<ReadonlyMap<string, number>, TermVector>();
  private idfValue = new Float64Array(1024);
  private idfStamp = new Int32Array(1024);
  private markWeight = new Float64Array(1024);
  private markStamp = new Int32Array(1024);
  private stamp = 1;
  private mark = 1;
  /** The vector dot() looks terms up in. */
  private marked: TermVector | undefined;
  /** Document count the frequencies agree with; -1 when none is known. */
  documents = -1;

  constructor(
    private readonly fetch: FetchFrequencies,
    private readonly maxTerms = 1_000_000,
    /** Called when cached frequencies are dropped because another writer moved the count. */
    private readonly onForget: () => void = () => undefined,
  ) {}

  /** Starts an assignment: idf is recomputed from here; past its bound the table starts afresh. */
  begin(): void {
    if (this.terms.length > this.maxTerms) {
      this.idOf = new Map();
      this.terms = [];
      this.df = new Int32Array(1024).fill(-1);
      this.vectors = new WeakMap();
      this.idfStamp.fill(0);
      this.markStamp.fill(0);
      this.marked = undefined;
    }
    this.stamp++;
  }

  id(term: string): number {
    let id = this.idOf.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.idOf.set(term, id);
      this.terms.push(term);
      if (id >= this.df.length) {
        const size = id + 1;
        this.df = grown(this.df, size, -1);
        this.idfValue = grown(this.idfValue, size, 0);
        this.idfStamp = grown(this.idfStamp, size, 0);
        this.markWeight = grown(this.markWeight, size, 0);
        this.markStamp = grown(this.markStamp, size, 0);
      }
    }
    return id;
  }

  term(id: number): string {
    return this.terms[id] as string;
  }

  /** The vector's ids and weights in its own order, made once per Map. */
  vector(weights: ReadonlyMap<string, number>): TermVector {
    let vector = this.vectors.get(weights);
    if (!vector) {
      const ids = new Int32Array(weights.size);
      const values = new Float64Array(weights.size);
      let i = 0;
      for (const [term, weight] of weights) {
        ids[i] = this.id(term);
        values[i++] = weight;
      }
      vector = { ids, weights: values };
      this.vectors.set(weights, vector);
    }
    return vector;
  }

  /** Reads the frequencies of the vectors' terms not known yet (and the document count). */
  async load(vectors: readonly TermVector[]): Promise<void> {
    for (;;) {
      const missing: string[] = [];
      let total = 0;
      for (const { ids } of vectors) {
        total += ids.length;
        for (const id of ids)
          if (this.df[id] === -1) {
            this.df[id] = -2; // asked for once per load
            missing.push(this.term(id));
          }
      }
      let fetched: Awaited<ReturnType<FetchFrequencies>>;
      try {
        fetched = await this.fetch(missing);
      } catch (error) {
        for (const term of missing) if (this.df[this.id(term)] === -2) this.df[this.id(term)] = -1;
        throw error;
      }
      const moved = fetched.documents !== this.documents;
      if (moved) this.forget(fetched.documents);
      for (const term of missing) this.df[this.id(term)] = fetched.frequencies.get(term) ?? 0;
      // After forgetting, what was known before this load is read again.
      if (!moved || missing.length === total) return;
    }
  }

  /** Reads the frequencies of `terms` not known yet; see load(). */
  async loadTerms(terms: readonly string[]): Promise<void> {
    const ids = new Int32Array(terms.length);
    for (let i = 0; i < terms.length; i++) ids[i] = this.id(terms[i] as string);
    await this.load([{ ids, weights: new Float64Array(0) }]);
  }

  /** Known frequency of a term (after load), or undefined. */
  frequency(term: string): number | undefined {
    const id = this.idOf.get(term);
    const value = id === undefined ? -1 : (this.df[id] as number);
    return value < 0 ? undefined : value;
  }

  /** One more document holding each of `terms` (distinct), as the index just counted it. */
  counted(terms: readonly string[]): void {
    if (this.documents < 0) return;
    this.documents += 1;
    this.stamp++;
    for (const term of new Set(terms)) {
      const id = this.idOf.get(term);
      if (id !== undefined && (this.df[id] as number) >= 0)
        this.df[id] = (this.df[id] as number) + 1;
    }
  }

  /**
   * Takes the frequencies another writer moved (`changed`; 0 for a term no longer counted) and the
   * corpus' document count now, keeping every other known one: for an index that learns exactly
   * which terms moved (PostgreSQL's story change log) instead of forgetting them all.
   */
  adopt(documents: number, changed: ReadonlyMap<string, number>): void {
    for (const [term, frequency] of changed) {
      const id = this.idOf.get(term);
      if (id !== undefined && (this.df[id] as number) >= 0) this.df[id] = frequency;
    }
    this.documents = documents;
    this.stamp++;
  }

  /** Drops every known frequency (the count moved outside this process, or was taken back). */
  forget(documents = -1): void {
    this.df.fill(-1);
    this.documents = documents;
    this.stamp++;
    this.onForget();
  }

  /** IDF of a loaded term at the current document count. */
  idf(id: number, inverse: InverseFrequency): number {
    if (this.idfStamp[id] === this.stamp) return this.idfValue[id] as number;
    const value = inverse(this.documents, this.df[id] as number, this.term(id));
    this.idfValue[id] = value;
    this.idfStamp[id] = this.stamp;
    return value;
  }

  /** Marks `vector` as the one dot() looks terms up in, until another is marked. */
  markOf(vector: TermVector): void {
    if (this.marked === vector) return;
    this.marked = vector;
    this.mark++;
    const { ids, weights } = vector;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      this.markStamp[id] = this.mark;
      this.markWeight[id] = weights[i] as number;
    }
  }

  /** Sum over `small`'s terms (in order) found in the marked vector of weight * other * idf². */
  dot(small: TermVector, inverse: InverseFrequency): number {
    const { ids, weights } = small;
    let dot = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      if (this.markStamp[id] === this.mark) {
        const idf = this.idf(id, inverse);
        dot += (weights[i] as number) * (this.markWeight[id] as number) * idf * idf;
      }
    }
    return dot;
  }
}
