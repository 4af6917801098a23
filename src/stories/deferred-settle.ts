import type { StoryInput } from './assign-story.js';
import {
  settleStart,
  settleStories,
  takeWindow,
  type LoadStoryInputs,
  type SettleOutcome,
} from './settle-stories.js';
import type { StoryIndex } from './story-index.js';
import { DEFAULT_STORY_OPTIONS, type StoryOptions } from './story-options.js';
import { compareOrdered } from './story-order.js';

/** How much a run holds back before settling what it holds (bounds memory on a huge backfill). */
export interface DeferLimits {
  readonly articles: number;
  /** Sum of the held articles' text and title lengths (UTF-16 code units). */
  readonly characters: number;
}

// 50,000 articles or ~64 M characters (~128 MiB of strings); past it the held tail is clustered,
// in order, at once: it costs no re-settle, so the bound costs nothing but memory.
const DEFAULT_LIMITS: DeferLimits = { articles: 50_000, characters: 64 * 1024 * 1024 };

/**
 * A late batch re-clusters at once the stories after it when they are at most this many times its
 * own size (a feed slightly out of order); more, and they are held for the run's end instead.
 */
const RESETTLE_NOW_FACTOR = 4;

const sizeOf = (input: StoryInput): number => input.text.length + (input.title?.length ?? 0);

/**
 * Story clustering across a run's batches at a bounded cost when articles come out of canonical
 * order. settleStories gives the stories of one canonical pass however the articles are split; per
 * batch, a batch that comes before many stored articles (an archive older than the store, two
 * inputs read in the wrong order) re-clustered all of them, and the next late batch did it again
 * (measured on BBC with half of it late: 31 ms per article instead of 5).
 *
 * Here the articles after such a batch are taken out of their stories once and held as a tail:
 * everything held comes after everything clustered. Each batch then clusters at once what comes
 * before the tail (in order, or re-settling a small window), so the work still overlaps the other
 * threads, and joins the tail with the rest; the tail is clustered once, in order, at the run's end
 * (settle) or when it outgrows `limits`. Stories equal those of one canonical pass throughout.
 *
 * Stored articles taken out are recorded in the index (holdArticles, same transaction), so a run
 * killed before its settle leaves them to the next run, which starts by taking them back (resume).
 * An index without holding re-settles every late batch at once, as settleStories does.
 */
export class DeferredSettle {
  private readonly held = new Map<string, StoryInput>();
  /** Held articles that were in stories before (taken out, recorded in the index). */
  private readonly taken = new Set<string>();
  private least: StoryInput | undefined;
  private characters = 0;
  private opened = 0;
  private resettled = 0;
  private resumed = false;

  constructor(
    private readonly index: StoryIndex,
    private readonly load: LoadStoryInputs,
    private readonly options: StoryOptions = DEFAULT_STORY_OPTIONS,
    private readonly limits: DeferLimits = DEFAULT_LIMITS,
  ) {}

  /** Clusters or holds the articles not yet in a story (first sighting of an id wins). */
  async add(inputs: readonly StoryInput[]): Promise<void> {
    await this.resume();
    const fresh = new Map<string, StoryInput>();
    for (const input of inputs)
      if (
        !fresh.has(input.id) &&
        !this.held.has(input.id) &&
        !(await this.index.getMembership(input.id))
      )
        fresh.set(input.id, input);
    if (fresh.size === 0) return;
    let now = [...fresh.values()].sort(compareOrdered);
    now = this.holdFrom(now);
    if (now.length > 0 && this.index.holdArticles) {
      const first = now[0] as StoryInput;
      const last = await this.index.lastOrder();
      if (last !== undefined && (first.order ?? '') <= last) {
        const members = await this.index.membersFrom(
          await settleStart(this.index, first.order ?? ''),
        );
        if (members.length > now.length * RESETTLE_NOW_FACTOR) {
          const old = await takeWindow(this.index, members, this.load, this.options);
          await this.index.holdArticles(
            old.map((input) => ({ articleId: input.id, order: input.order ?? '' })),
          );
          for (const input of old) this.taken.add(input.id);
          this.resettled += old.length;
          this.hold(old);
          now = this.holdFrom(now);
        }
      }
    }
    if (now.length > 0) this.count(await settleStories(now, this.index, this.load, this.options));
    if (this.held.size >= this.limits.articles || this.characters >= this.limits.characters)
      await this.settle();
  }

  /** Clusters the held tail; what every settle of this run opened and re-clustered. */
  async settle(): Promise<SettleOutcome> {
    await this.resume();
    if (this.held.size > 0) {
      const inputs = [...this.held.values()];
      const taken = [...this.taken];
      this.held.clear();
      this.least = undefined;
      this.characters = 0;
      this.count(await settleStories(inputs, this.index, this.load, this.options, this.taken));
      this.taken.clear();
      if (taken.length > 0) await this.index.releaseHeld?.(taken);
    }
    return { opened: this.opened, resettled: this.resettled };
  }

  /** Nothing to settle: what a killed run left is taken back and nothing is held. */
  get idle(): boolean {
    return this.resumed && this.held.size === 0;
  }

  /** Whether the article is held, waiting for the settle (it is in no story meanwhile). */
  holds(articleId: string): boolean {
    return this.held.has(articleId);
  }

  /** Takes back what a killed run left held (once, before this run's first batch). */
  private async resume(): Promise<void> {
    if (this.resumed) return;
    this.resumed = true;
    const left = (await this.index.listHeld?.()) ?? [];
    if (left.length === 0) return;
    const orders = new Map(left.map((article) => [article.articleId, article.order]));
    const inputs = await this.load(
      left.map((article) => ({ articleId: article.articleId, storyId: '', similarity: 0 })),
    );
    const back = inputs.map((input) => ({ ...input, order: orders.get(input.id) ?? '' }));
    for (const input of back) this.taken.add(input.id);
    // Articles deleted since are released; the rest form the tail they were.
    const found = new Set(back.map((input) => input.id));
    const gone = left.map((article) => article.articleId).filter((id) => !found.has(id));
    if (gone.length > 0) await this.index.releaseHeld?.(gone);
    this.hold(back.sort(compareOrdered));
  }

  private count(outcome: SettleOutcome): void {
    this.opened += outcome.opened;
    this.resettled += outcome.resettled;
  }

  /** Holds the sorted inputs from the tail's first on; returns those before it. */
  private holdFrom(sorted: StoryInput[]): StoryInput[] {
    if (this.least === undefined) return sorted;
    const least = this.least;
    const cut = sorted.findIndex((input) => compareOrdered(input, least) >= 0);
    if (cut < 0) return sorted;
    this.hold(sorted.slice(cut));
    return sorted.slice(0, cut);
  }

  private hold(inputs: readonly StoryInput[]): void {
    for (const input of inputs) {
      if (this.held.has(input.id)) continue;
      this.held.set(input.id, input);
      this.characters += sizeOf(input);
      if (this.least === undefined || compareOrdered(input, this.least) < 0) this.least = input;
    }
  }
}
