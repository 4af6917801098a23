/** Saved with every assignment so `reprocess` can find stories built by older rules. */
export const VERSION = 'stories-6';

export interface StoryOptions {
  /** Cosine similarity (TF-IDF, article vs story centroid) needed to join a story. */
  readonly threshold: number;
  /**
   * 'bm25' gives words found in most articles almost no weight; 'smooth' (log((N+1)/(df+1)) + 1)
   * keeps some weight on them.
   */
  readonly idf: 'smooth' | 'bm25';
  /** How many times a title word counts: titles name the event more densely than bodies. */
  readonly titleWeight: number;
  /** Extra weight of a word written capitalised mid-sentence (a likely name), per occurrence. */
  readonly nameWeight: number;
  /** Weight of a shared named entity (optional `entities` field) relative to one word occurrence. */
  readonly entityWeight: number;
  /** A story takes articles published within this many days of its first or last article. */
  readonly windowDays: number;
  /**
   * Beyond windowDays, up to this many days from its span, a story still takes an article (and
   * merges a story) that reaches reachThreshold: an event's follow-ups come in bursts with weeks
   * between them (a takeover battle's bid, rejection and counter-bid), and a late one that matches
   * this closely belongs to it. windowDays or less disables.
   */
  readonly reachDays: number;
  /** Cosine needed to join (or merge) a story beyond windowDays, within reachDays. */
  readonly reachThreshold: number;
  /**
   * Two stories whose centroids reach this cosine merge (0 disables): early articles, judged with
   * little IDF evidence, open stories that later turn out to be one.
   */
  readonly mergeThreshold: number;
  /**
   * Pseudo-documents of general news (background-frequencies.ts) added to the store's document
   * frequencies, so a young store weighs common words low from the start (0 disables).
   */
  readonly backgroundWeight: number;
  /** Stories scored in full per article at most, chosen by shared top terms. */
  readonly maxCandidates: number;
  /** Terms of an article used to look up candidate stories, and kept per story for that lookup. */
  readonly lookupTerms: number;
  /** Centroid terms kept per story (the heaviest), to bound its size. */
  readonly centroidTerms: number;
  /**
   * Stories read per lookup term, the most recently updated first: bounds the candidate search of
   * an undated archive, where the time window prunes nothing, whatever the archive's size.
   */
  readonly postingsPerTerm: number;
}

export const DEFAULT_POSTINGS_PER_TERM = 64;

// Chosen on the dev sets of bench/stories-quality.ts (GoogleNews-TS even clusters, RUWA dev event
// windows with and without store history), confirmed on its report sets. 'smooth' IDF keeps weight
// on an event's own words when that event fills much of a young store (bm25 sends a word in half
// the documents to ~0, which split RUWA's Bucha coverage into dozens of stories); the threshold
// rises from 0.1 to 0.13 to keep precision with it. Dev F1: GoogleNews even 0.953 -> 0.959, RUWA
// fresh store 0.624 -> 0.853, RUWA with history 0.985 -> 0.989 (with entities, as ingest runs).
// Session 4: a background prior of 1,000 pseudo-documents (general news headlines, see
// background-frequencies.ts) so a young or one-event store weighs common words low. Chosen on dev
// (t 0.13, 0.15 x weight 1000, 2000, 3000): 1000 at 0.13 is the one no dev set loses on:
// GoogleNews even 0.9587 -> 0.9593, RUWA dev fresh store 0.8453 -> 0.9359, RUWA dev many-event
// fresh 0.8687 -> 0.9219, with history unchanged (0.9888, 0.9633). Weight 2000 at 0.17 scored
// higher fresh (0.981, 0.955) but lost 0.008 on GoogleNews and with history.
export const DEFAULT_STORY_OPTIONS: StoryOptions = {
  threshold: 0.13,
  idf: 'smooth',
  titleWeight: 2,
  entityWeight: 2,
  nameWeight: 1,
  windowDays: 7,
  // Session 6, chosen on the Reuters chains dev set (one wire's follow-ups over weeks, written
  // before tuning; bench/stories-reuters-chains.ts): 14, 21, 28 days x 0.25, 0.3, 0.4. Dev F1
  // 0.854 -> 0.901 (14 d), 0.920 (21 d, 28 d; 0.25 and 0.3 alike): a takeover battle's bid and
  // counter-bid two to three weeks apart were two stories at cosine 0.6-0.7. 0.3 is the merge
  // threshold's bar; RUWA dev sets unchanged (their events last days).
  reachDays: 21,
  reachThreshold: 0.3,
  mergeThreshold: 0.3,
  backgroundWeight: 1000,
  // 20 scores as well as 100 on both sets (GoogleNews F1 0.864 vs 0.858) at a fifth of the work;
  // 10 loses recall (0.848).
  maxCandidates: 20,
  lookupTerms: 30,
  centroidTerms: 400,
  postingsPerTerm: DEFAULT_POSTINGS_PER_TERM,
};

export const storyOptions = (overrides: Partial<StoryOptions> = {}): StoryOptions => ({
  ...DEFAULT_STORY_OPTIONS,
  ...overrides,
});
