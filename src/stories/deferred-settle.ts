import type { StoryInput } from './assign-story.js';
import { settleStories, type LoadStoryInputs, type SettleOutcome } from './settle-stories.js';
import type { StoryIndex } from './story-index.js';
import { DEFAULT_STORY_OPTIONS, type StoryOptions } from './story-options.js';

/** How much a run holds back before settling what it holds (bounds memory on a huge backfill). */
export interface DeferLimits {
  readonly articles: number;
  /** Sum of the held articles' text and title lengths (UTF-16 code units). */
  readonly characters: number;
}

// 50,000 articles or ~64 M characters (~128 MiB of strings): a BBC + Reuters run (21k articles,
// ~30 M characters) settles once; a million-article backfill settles ~20 times, each re-clustering
// only from its earliest article (usually nothing: generated and crawled inputs come mostly in order).
const DEFAULT_LIMITS: DeferLimits = { articles: 50_000, characters: 64 * 1024 * 1024 };

const sizeOf = (input: StoryInput): number => input.text.length + (input.title?.length ?? 0);

/**
 * Clusters a run's articles in one settle at its end instead of one per batch. settleStories gives
 * the stories of one canonical pass however the articles were split, so holding them back changes
 * no story; it changes the cost: a batch that comes before stored articles (a second input older
 * than the first, an archive read out of date order) re-clusters every article after it, and per
 * batch that was paid again by each late batch (measured on BBC with half of it late: 31 ms per
 * article instead of 5). Held together, the run's articles are clustered once, and what they
 * disturb is re-clustered once.
 *
 * Articles held back are stored and enriched but in no story until the settle: a run killed before
 * it leaves them unclustered, and the next run over the same input clusters them (unchanged
 * articles without a story are passed to it again, organise.ts). Past `limits`, what is held is
 * settled at once, so memory stays bounded.
 */
export class DeferredSettle {
  private readonly held = new Map<string, StoryInput>();
  private characters = 0;
  private opened = 0;
  private resettled = 0;

  constructor(
    private readonly index: StoryIndex,
    private readonly load: LoadStoryInputs,
    private readonly options: StoryOptions = DEFAULT_STORY_OPTIONS,
    private readonly limits: DeferLimits = DEFAULT_LIMITS,
  ) {}

  /** Holds the articles not yet in a story (first sighting of an id wins, as in settleStories). */
  async add(inputs: readonly StoryInput[]): Promise<void> {
    for (const input of inputs) {
      if (this.held.has(input.id) || (await this.index.getMembership(input.id))) continue;
      this.held.set(input.id, input);
      this.characters += sizeOf(input);
    }
    if (this.held.size >= this.limits.articles || this.characters >= this.limits.characters)
      await this.settle();
  }

  /** Clusters what is held; what every settle so far opened and re-clustered. */
  async settle(): Promise<SettleOutcome> {
    if (this.held.size > 0) {
      const inputs = [...this.held.values()];
      this.held.clear();
      this.characters = 0;
      const outcome = await settleStories(inputs, this.index, this.load, this.options);
      this.opened += outcome.opened;
      this.resettled += outcome.resettled;
    }
    return { opened: this.opened, resettled: this.resettled };
  }

  /** Whether the article is held back, waiting for the settle (it has no story yet). */
  holds(articleId: string): boolean {
    return this.held.has(articleId);
  }
}
