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
import {
  compareMembersByTime,
  compareOrdered,
  compareStoriesForList,
  compareStoryListKeys,
  storyListKey,
} from './story-order.js';
import { DEFAULT_POSTINGS_PER_TERM } from './story-options.js';

/** In-memory StoryIndex for tests and benchmarks; the store's tables are the real one. */
export class MemoryStoryIndex implements StoryIndex {
  private documents = 0;
  private readonly frequencies = new Map<string, number>();
  private readonly stories = new Map<string, StoryRecord>();
  private readonly storyTerms = new Map<string, readonly string[]>();
  /** term -> story id -> when the story was last saved (documents counted then). */
  private readonly postings = new Map<string, Map<string, number>>();
  private readonly members = new Map<string, StoryMember>();
  private readonly membersByStory = new Map<string, StoryMember[]>();
  private readonly held = new Map<string, string>();

  async documentFrequencies(terms: readonly string[]) {
    return {
      documents: this.documents,
      frequencies: new Map(terms.map((t) => [t, this.frequencies.get(t) ?? 0])),
    };
  }

  async addDocument(terms: readonly string[]): Promise<void> {
    this.documents++;
    for (const term of new Set(terms))
      this.frequencies.set(term, (this.frequencies.get(term) ?? 0) + 1);
  }

  async removeDocument(terms: readonly string[]): Promise<void> {
    this.documents = Math.max(0, this.documents - 1);
    for (const term of new Set(terms)) {
      const left = (this.frequencies.get(term) ?? 0) - 1;
      if (left > 0) this.frequencies.set(term, left);
      else this.frequencies.delete(term);
    }
  }

  async lastOrder(): Promise<string | undefined> {
    let last: string | undefined;
    for (const member of this.members.values())
      if (member.order && (last === undefined || member.order > last)) last = member.order;
    return last;
  }

  async storiesReaching(order: string): Promise<StorySpan[]> {
    const spans: StorySpan[] = [];
    for (const [storyId, members] of this.membersByStory) {
      const orders = members.map((member) => member.order ?? '');
      if (orders.some((o) => o >= order))
        spans.push({ storyId, firstOrder: orders.reduce((a, b) => (b < a ? b : a)) });
    }
    return spans;
  }

  async membersFrom(order: string): Promise<StoryMember[]> {
    return [...this.members.values()]
      .filter((member) => (member.order ?? '') >= order)
      .sort((a, b) => compareOrdered({ ...a, id: a.articleId }, { ...b, id: b.articleId }));
  }

  async dropStories(storyIds: readonly string[]): Promise<void> {
    for (const storyId of storyIds) {
      for (const member of this.membersByStory.get(storyId) ?? [])
        this.members.delete(member.articleId);
      this.membersByStory.delete(storyId);
      for (const term of this.storyTerms.get(storyId) ?? [])
        this.postings.get(term)?.delete(storyId);
      this.storyTerms.delete(storyId);
      this.stories.delete(storyId);
    }
  }

  async findStoriesByTerms(
    terms: readonly string[],
    limit: number,
    perTerm = DEFAULT_POSTINGS_PER_TERM,
  ): Promise<StoryCandidate[]> {
    const shared = new Map<string, number>();
    for (const term of new Set(terms)) {
      const newest = [...(this.postings.get(term) ?? new Map<string, number>()).entries()]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
        .slice(0, perTerm);
      for (const [storyId] of newest) shared.set(storyId, (shared.get(storyId) ?? 0) + 1);
    }
    return [...shared.entries()]
      .map(([storyId, sharedTerms]) => ({ storyId, sharedTerms }))
      .sort((a, b) => b.sharedTerms - a.sharedTerms || (a.storyId < b.storyId ? -1 : 1))
      .slice(0, limit);
  }

  async getStory(storyId: string): Promise<StoryRecord | undefined> {
    return this.stories.get(storyId);
  }

  async saveStory(story: StoryRecord, lookupTerms: readonly string[]): Promise<void> {
    for (const term of this.storyTerms.get(story.id) ?? [])
      this.postings.get(term)?.delete(story.id);
    this.stories.set(story.id, story);
    this.storyTerms.set(story.id, lookupTerms);
    for (const term of lookupTerms) {
      const posting = this.postings.get(term) ?? new Map<string, number>();
      posting.set(story.id, this.documents);
      this.postings.set(term, posting);
    }
  }

  async addMember(member: StoryMember): Promise<void> {
    if (this.members.has(member.articleId)) return;
    this.members.set(member.articleId, member);
    const list = this.membersByStory.get(member.storyId);
    if (list) list.push(member);
    else this.membersByStory.set(member.storyId, [member]);
  }

  async moveMembers(fromId: string, intoId: string): Promise<void> {
    const moved = (this.membersByStory.get(fromId) ?? []).map((m) => ({ ...m, storyId: intoId }));
    for (const member of moved) this.members.set(member.articleId, member);
    this.membersByStory.set(intoId, [...(this.membersByStory.get(intoId) ?? []), ...moved]);
    this.membersByStory.delete(fromId);
    for (const term of this.storyTerms.get(fromId) ?? []) this.postings.get(term)?.delete(fromId);
    this.storyTerms.delete(fromId);
    this.stories.delete(fromId);
  }

  async getMembership(articleId: string): Promise<StoryMember | undefined> {
    return this.members.get(articleId);
  }

  async listMembers(storyId: string): Promise<StoryMember[]> {
    return [...(this.membersByStory.get(storyId) ?? [])].sort(compareMembersByTime);
  }

  async listStories(): Promise<StoryRecord[]> {
    return [...this.stories.values()].sort(compareStoriesForList);
  }

  async listStoryHeaders(query: StoryHeaderQuery): Promise<StoryHeader[]> {
    const { after, minArticles = 0 } = query;
    return (await this.listStories())
      .filter((story) => story.articleCount >= minArticles)
      .filter((story) => !after || compareStoryListKeys(storyListKey(story), after) > 0)
      .slice(0, query.limit)
      .map(({ centroid: _centroid, ...header }) => header);
  }

  async holdArticles(articles: readonly HeldArticle[]): Promise<void> {
    for (const article of articles) this.held.set(article.articleId, article.order);
  }

  async listHeld(): Promise<HeldArticle[]> {
    return [...this.held]
      .map(([articleId, order]) => ({ articleId, order }))
      .sort((a, b) =>
        compareOrdered({ id: a.articleId, order: a.order }, { id: b.articleId, order: b.order }),
      );
  }

  async releaseHeld(articleIds: readonly string[]): Promise<void> {
    for (const articleId of articleIds) this.held.delete(articleId);
  }
}
