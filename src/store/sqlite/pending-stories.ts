import type { StoryRecord } from '../../stories/story-index.js';

/** A story's lookup posting: the story and the corpus' document count when it was last saved. */
export interface Posting {
  readonly story_id: string;
  readonly seq: number;
}

interface PendingSave {
  readonly story: StoryRecord;
  readonly lookupTerms: readonly string[];
  readonly seq: number;
}

/** The tables' posting order: newest first, then story id (ids are ASCII: `story-a<hex>`). */
const newestFirst = (a: Posting, b: Posting): number =>
  b.seq - a.seq || (a.story_id < b.story_id ? -1 : a.story_id > b.story_id ? 1 : 0);

/**
 * Story saves kept back in an open transaction, written once per story when it commits. A batch
 * saves the same stories again and again (every article joining one re-saves its centroid and
 * re-stamps its lookup terms), and those writes were the largest part of story assignment.
 *
 * Reads see the pending state: a pending story is read from here, and a term's postings are the
 * tables' (minus the stale rows of pending stories, for which that many more rows are read) merged
 * with the pending stories holding it, in the tables' order.
 */
export class PendingStories {
  private readonly saves = new Map<string, PendingSave>();
  /** Lookup terms each pending story has rows for in the tables (stale until written). */
  private readonly stored = new Map<string, readonly string[]>();
  /** Per term, how many pending stories have a (stale) row for it in the tables. */
  private readonly staleRows = new Map<string, number>();
  /** Per term, the pending stories that hold it as a lookup term now. */
  private readonly holders = new Map<string, Set<string>>();

  get size(): number {
    return this.saves.size;
  }

  /** Keeps a save back; `storedTerms` reads the story's lookup terms in the tables (first save). */
  save(
    story: StoryRecord,
    lookupTerms: readonly string[],
    seq: number,
    storedTerms: () => readonly string[],
  ): void {
    if (this.saves.has(story.id)) this.unhold(story.id);
    else {
      const stored = [...new Set(storedTerms())];
      this.stored.set(story.id, stored);
      for (const term of stored) this.staleRows.set(term, (this.staleRows.get(term) ?? 0) + 1);
    }
    const terms = [...new Set(lookupTerms)];
    this.saves.set(story.id, { story, lookupTerms: terms, seq });
    for (const term of terms) {
      let holders = this.holders.get(term);
      if (!holders) this.holders.set(term, (holders = new Set()));
      holders.add(story.id);
    }
  }

  /**
   * Forgets a pending save of a story whose rows the caller deletes from the tables now (a story
   * merged into another): nothing is written for it, and its rows are no longer stale.
   */
  drop(storyId: string): void {
    if (!this.saves.has(storyId)) return;
    this.unhold(storyId);
    this.saves.delete(storyId);
    for (const term of this.stored.get(storyId) ?? []) {
      const count = (this.staleRows.get(term) ?? 0) - 1;
      if (count > 0) this.staleRows.set(term, count);
      else this.staleRows.delete(term);
    }
    this.stored.delete(storyId);
  }

  private unhold(storyId: string): void {
    for (const term of this.saves.get(storyId)?.lookupTerms ?? []) {
      const holders = this.holders.get(term);
      holders?.delete(storyId);
      if (holders?.size === 0) this.holders.delete(term);
    }
  }

  story(storyId: string): StoryRecord | undefined {
    return this.saves.get(storyId)?.story;
  }

  /** How many more rows than wanted to read for `term`: its stale rows may come first. */
  staleFor(term: string): number {
    return this.staleRows.get(term) ?? 0;
  }

  /** The `limit` newest postings of `term`, given the tables' newest `limit + staleFor(term)`. */
  postings(term: string, stored: readonly Posting[], limit: number): Posting[] {
    if (this.saves.size === 0) return stored.slice(0, limit);
    const merged = stored.filter((row) => !this.saves.has(row.story_id));
    for (const storyId of this.holders.get(term) ?? [])
      merged.push({ story_id: storyId, seq: (this.saves.get(storyId) as PendingSave).seq });
    return merged.sort(newestFirst).slice(0, limit);
  }

  /** Every pending save, in the order stories were first saved; then forgets them. */
  take(): PendingSave[] {
    const saves = [...this.saves.values()];
    this.clear();
    return saves;
  }

  clear(): void {
    this.saves.clear();
    this.stored.clear();
    this.staleRows.clear();
    this.holders.clear();
  }
}
