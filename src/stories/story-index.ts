/** One article's place in a story; the story's timeline is its members by publication time. */
export interface StoryMember {
  readonly articleId: string;
  readonly storyId: string;
  readonly published?: string;
  readonly title?: string;
  readonly source?: string;
  /** Cosine similarity to the story when it joined (1 for the article that opened the story). */
  readonly similarity: number;
  /**
   * The article's place in the canonical clustering order (storyOrderKey); absent on members
   * saved before migration 160, which then sort first and are never re-settled.
   */
  readonly order?: string;
}

/** A story that has a member at or after some place in the canonical order. */
export interface StorySpan {
  readonly storyId: string;
  /** Its first member's place in the canonical order ('' for members saved without one). */
  readonly firstOrder: string;
}

/** An article taken out of its story, waiting to be clustered again (deferred-settle.ts). */
export interface HeldArticle {
  readonly articleId: string;
  /** Its place in the canonical order. */
  readonly order: string;
}

/** A story's state. `centroid` holds summed (1 + log tf) term weights; IDF is applied when compared. */
export interface StoryRecord {
  readonly id: string;
  readonly title: string;
  readonly firstSeen?: string;
  readonly lastSeen?: string;
  readonly articleCount: number;
  readonly sources: readonly string[];
  readonly centroid: ReadonlyMap<string, number>;
  readonly version: string;
}

/** A story's place in lists: last seen (empty when undated), then id. */
export type StoryListKey = readonly [lastSeen: string, id: string];

/** A story without its term vector: what lists show. */
export type StoryHeader = Omit<StoryRecord, 'centroid'>;

export interface StoryHeaderQuery {
  /** Only stories after this list position (exclusive). */
  readonly after?: StoryListKey;
  readonly limit: number;
  /** Only stories of at least this many articles. */
  readonly minArticles?: number;
}

export interface StoryCandidate {
  readonly storyId: string;
  readonly sharedTerms: number;
}

/**
 * Persistence for incremental story clustering; the store implements it with plain tables
 * (document frequencies, stories, lookup terms, members). Async so a networked store fits.
 */
export interface StoryIndex {
  /** Documents seen so far and their document frequency per term (0 when unseen). */
  documentFrequencies(
    terms: readonly string[],
  ): Promise<{ documents: number; frequencies: Map<string, number> }>;
  /** Counts one more document containing each of `terms` (distinct). */
  addDocument(terms: readonly string[]): Promise<void>;
  /** Undoes addDocument(terms) for an article that is clustered again (settle-stories.ts). */
  removeDocument(terms: readonly string[]): Promise<void>;
  /** The last member's place in the canonical order, if any member has one. */
  lastOrder(): Promise<string | undefined>;
  /** Stories with a member at or after `order` (canonical order), with their first member's place. */
  storiesReaching(order: string): Promise<StorySpan[]>;
  /** Members at or after `order` in the canonical order, in that order. */
  membersFrom(order: string): Promise<StoryMember[]>;
  /** Deletes the stories, their lookup terms and their members (before clustering them again). */
  dropStories(storyIds: readonly string[]): Promise<void>;
  /**
   * Stories holding any of `terms` as a lookup term, most shared terms first (ties: smaller id).
   * Per term only the `perTerm` stories saved most recently are read (ties: smaller id), so the
   * cost of a lookup does not grow with the archive: a word shared by thousands of old stories
   * offers the newest ones, which are the ones still taking articles.
   */
  findStoriesByTerms(
    terms: readonly string[],
    limit: number,
    perTerm?: number,
  ): Promise<StoryCandidate[]>;
  getStory(storyId: string): Promise<StoryRecord | undefined>;
  /** Inserts or replaces the story and its lookup terms. */
  saveStory(story: StoryRecord, lookupTerms: readonly string[]): Promise<void>;
  addMember(member: StoryMember): Promise<void>;
  /** Moves every member of `fromId` to `intoId` and deletes story `fromId` and its lookup terms. */
  moveMembers(fromId: string, intoId: string): Promise<void>;
  getMembership(articleId: string): Promise<StoryMember | undefined>;
  /** Members by publication time (undated last), then article id. */
  listMembers(storyId: string): Promise<StoryMember[]>;
  /** Every story, most recently seen first (ties: id). */
  listStories(): Promise<StoryRecord[]>;
  /** One page of story headers in list order (compareStoryListKeys), read without centroids. */
  listStoryHeaders(query: StoryHeaderQuery): Promise<StoryHeader[]>;
  /**
   * Optional: the story (header) of each of `articleIds` that is in one, in one read; absent,
   * story-headers.ts reads them one by one.
   */
  storyHeadersOf?(articleIds: readonly string[]): Promise<Map<string, StoryHeader>>;
  /**
   * Optional: records articles taken out of their stories to be clustered again at the end of a
   * run, in the same transaction that took them out, so a run killed before then leaves them to
   * the next run (listHeld) instead of storyless. Without these, a run never holds stored articles.
   */
  holdArticles?(articles: readonly HeldArticle[]): Promise<void>;
  /**
   * Optional: reads ahead, in one call, what clustering `articleIds` will ask first (their
   * memberships, lastOrder, the document frequencies of `terms`), for an index that keeps reads
   * for a transaction (a networked store: one round trip instead of several). Changes nothing.
   */
  prefetch?(articleIds: readonly string[], terms: readonly string[]): Promise<void>;
  listHeld?(): Promise<HeldArticle[]>;
  releaseHeld?(articleIds: readonly string[]): Promise<void>;
}
