import { TermSpace } from './term-space.js';
import type {
  HeldArticle,
  StoryCandidate,
  StoryHeader,
  StoryHeaderQuery,
  StoryIndex,
  StoryMember,
  StoryRecord,
  StorySpan,
} from './story-index.js';

/** Bounds on what one process keeps; past them the oldest entries go first. */
export interface StoryCacheLimits {
  readonly terms: number;
  readonly stories: number;
}

// A parsed story of 400 centroid terms takes ~25 KB: 20,000 of them were ~500 MB of a 1 GiB budget
// at a million articles. Lookups read each term's newest stories only, so the stories taking
// articles are the recently saved ones, which a few thousand hold; an older one is read back.
const DEFAULT_LIMITS: StoryCacheLimits = { terms: 1_000_000, stories: 4_000 };

const evictOldest = <K, V>(map: Map<K, V>, limit: number): void => {
  if (map.size <= limit) return;
  for (const key of map.keys()) {
    map.delete(key);
    if (map.size <= limit * 0.9) break;
  }
};

/**
 * Read-through cache of document frequencies and parsed stories in front of a persisted StoryIndex.
 * Each assignment compares an article with up to `maxCandidates` stories of hundreds of terms, and
 * looking up those terms' frequencies and re-parsing those centroids was most of the story stage's
 * time (measured: BBC business, 503 articles, 5.5 s of 17 s in two functions).
 *
 * Exact, not approximate: every write by this process goes through here and updates the cache, and
 * the corpus' document counter (which every assignment by any process bumps) is checked before
 * cached data is used; when another writer moved it, the whole cache is dropped.
 */
export class CachingStoryIndex implements StoryIndex {
  private readonly stories = new Map<string, StoryRecord>();
  /** Terms as ids with their cached document frequencies; assignStory scores in it directly. */
  readonly termSpace: TermSpace;

  // Optional holding (story-index.ts): present exactly when the wrapped index has it.
  readonly holdArticles?: (articles: readonly HeldArticle[]) => Promise<void>;
  readonly listHeld?: () => Promise<HeldArticle[]>;
  readonly releaseHeld?: (articleIds: readonly string[]) => Promise<void>;

  constructor(
    private readonly inner: StoryIndex,
    private readonly limits: StoryCacheLimits = DEFAULT_LIMITS,
  ) {
    this.termSpace = new TermSpace(
      (terms) => this.inner.documentFrequencies(terms),
      limits.terms,
      () => this.stories.clear(),
    );
    if (inner.holdArticles && inner.listHeld && inner.releaseHeld) {
      this.holdArticles = inner.holdArticles.bind(inner);
      this.listHeld = inner.listHeld.bind(inner);
      this.releaseHeld = inner.releaseHeld.bind(inner);
    }
  }

  private adopt(documents: number): void {
    if (documents !== this.termSpace.documents) this.termSpace.forget(documents);
  }

  async documentFrequencies(
    terms: readonly string[],
  ): Promise<{ documents: number; frequencies: Map<string, number> }> {
    this.termSpace.begin();
    await this.termSpace.loadTerms(terms);
    const frequencies = new Map<string, number>();
    for (const term of terms) frequencies.set(term, this.termSpace.frequency(term) ?? 0);
    return { documents: this.termSpace.documents, frequencies };
  }

  async addDocument(terms: readonly string[]): Promise<void> {
    await this.inner.addDocument(terms);
    this.termSpace.counted(terms);
  }

  async removeDocument(terms: readonly string[]): Promise<void> {
    await this.inner.removeDocument(terms);
    // A re-settle takes counts back and adds them again: the counter alone cannot tell.
    this.termSpace.forget();
  }

  lastOrder(): Promise<string | undefined> {
    return this.inner.lastOrder();
  }

  storiesReaching(order: string): Promise<StorySpan[]> {
    return this.inner.storiesReaching(order);
  }

  membersFrom(order: string): Promise<StoryMember[]> {
    return this.inner.membersFrom(order);
  }

  async dropStories(storyIds: readonly string[]): Promise<void> {
    for (const storyId of storyIds) this.stories.delete(storyId);
    await this.inner.dropStories(storyIds);
  }

  findStoriesByTerms(
    terms: readonly string[],
    limit: number,
    perTerm?: number,
  ): Promise<StoryCandidate[]> {
    return this.inner.findStoriesByTerms(terms, limit, perTerm);
  }

  async getStory(storyId: string): Promise<StoryRecord | undefined> {
    this.adopt((await this.inner.documentFrequencies([])).documents);
    const cached = this.stories.get(storyId);
    if (cached) return cached;
    const story = await this.inner.getStory(storyId);
    if (story) {
      this.stories.set(storyId, story);
      evictOldest(this.stories, this.limits.stories);
    }
    return story;
  }

  async saveStory(story: StoryRecord, lookupTerms: readonly string[]): Promise<void> {
    this.stories.delete(story.id);
    await this.inner.saveStory(story, lookupTerms);
    this.stories.set(story.id, story);
  }

  addMember(member: StoryMember): Promise<void> {
    return this.inner.addMember(member);
  }

  async moveMembers(fromId: string, intoId: string): Promise<void> {
    this.stories.delete(fromId);
    await this.inner.moveMembers(fromId, intoId);
  }

  getMembership(articleId: string): Promise<StoryMember | undefined> {
    return this.inner.getMembership(articleId);
  }

  listMembers(storyId: string): Promise<StoryMember[]> {
    return this.inner.listMembers(storyId);
  }

  listStories(): Promise<StoryRecord[]> {
    return this.inner.listStories();
  }

  listStoryHeaders(query: StoryHeaderQuery): Promise<StoryHeader[]> {
    return this.inner.listStoryHeaders(query);
  }
}
