import { assignStory, documentTerms } from './assign-story.js';
import type { StoryInput } from './assign-story.js';
import type { StoryIndex, StoryMember } from './story-index.js';
import { DEFAULT_STORY_OPTIONS } from './story-options.js';
import type { StoryOptions } from './story-options.js';
import { compareOrdered } from './story-order.js';

/** Reads back what clustering saw of stored members (text, title, entities...), in any order. */
export type LoadStoryInputs = (members: readonly StoryMember[]) => Promise<StoryInput[]>;

export interface SettleOutcome {
  /** New articles that opened a story (as the canonical pass placed them). */
  readonly opened: number;
  /** Articles already in a story that were clustered again because new ones came before them. */
  readonly resettled: number;
}

/**
 * Where the re-settle must start so that no story straddles it: the earliest first member of every
 * story reaching `from`, repeated until stable. Everything before it is exactly what a canonical
 * run had built at that point (stories only grow and merge forwards in the order).
 */
export const settleStart = async (index: StoryIndex, from: string): Promise<string> => {
  let start = from;
  for (;;) {
    let earliest = start;
    for (const span of await index.storiesReaching(start))
      if (span.firstOrder < earliest) earliest = span.firstOrder;
    if (earliest >= start) return start;
    start = earliest;
  }
};

/**
 * Takes `members` (everything from a settle start on) out of their stories: their document counts
 * are taken back and their stories dropped. Returns what clustering saw of them, with their places
 * in the order, to be clustered again.
 */
export const takeWindow = async (
  index: StoryIndex,
  members: readonly StoryMember[],
  load: LoadStoryInputs,
  options: StoryOptions,
): Promise<StoryInput[]> => {
  const stored = new Map(members.map((member) => [member.articleId, member]));
  const old = (await load(members)).map((input) => ({
    ...input,
    order: stored.get(input.id)?.order ?? '',
  }));
  for (const input of old) await index.removeDocument(documentTerms(input, options));
  await index.dropStories([...new Set(members.map((member) => member.storyId))]);
  return old;
};

/**
 * Clusters a batch so that the stories equal those of one pass over every stored article in
 * canonical order (storyOrderKey), however the articles were split into runs or batches. Articles
 * that come after every stored one (a feed, a directory read in order) are assigned as they come.
 * One that comes before stored ones re-settles the window it disturbs: the stories from the first
 * one it could have changed are dropped, their articles' document counts taken back, and they are
 * clustered again with the new ones, in order. The window is bounded by the stories that reach the
 * late article, not by the archive: a late article re-clusters what follows it, never what precedes.
 * Inputs must carry `order`.
 */
export const settleStories = async (
  inputs: readonly StoryInput[],
  index: StoryIndex,
  load: LoadStoryInputs,
  options: StoryOptions = DEFAULT_STORY_OPTIONS,
  /** Inputs that are stored articles clustered again, not new ones: not counted as opening. */
  clusteredBefore: ReadonlySet<string> = new Set(),
): Promise<SettleOutcome> => {
  const fresh = new Map<string, StoryInput>();
  for (const input of inputs)
    if (!fresh.has(input.id) && !(await index.getMembership(input.id))) fresh.set(input.id, input);
  if (fresh.size === 0) return { opened: 0, resettled: 0 };
  const ordered = [...fresh.values()].sort(compareOrdered);
  const first = ordered[0]?.order ?? '';
  const last = await index.lastOrder();

  let queue = ordered;
  let resettled = 0;
  if (last !== undefined && first <= last) {
    const old = await takeWindow(
      index,
      await index.membersFrom(await settleStart(index, first)),
      load,
      options,
    );
    resettled = old.length;
    queue = [...old, ...ordered].sort(compareOrdered);
  }
  let opened = 0;
  for (const input of queue) {
    const assignment = await assignStory(input, index, options);
    if (assignment.opened && fresh.has(input.id) && !clusteredBefore.has(input.id)) opened++;
  }
  return { opened, resettled };
};
