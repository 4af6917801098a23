import { seededRandom } from '../core/seeded-random.js';
import type { StoryInput } from './assign-story.js';
import type { StoryIndex } from './story-index.js';
import { storyOrderKey } from './story-order.js';

// Six events of overlapping vocabulary over three weeks, plus filler words: enough overlap that
// arrival order changes what an incremental pass builds (checked below), so the test can fail.
const EVENTS = [
  'earthquake malatya rubble aftershock rescue afad collapse survivors',
  'frigate glasgow shipyard contract clyde navy jobs order',
  'flood valencia rain roads emergency schools rainfall dana',
  'election ballot turnout parliament coalition vote count results',
  'missile strike kharkiv drone air defence interceptor damage',
  'summit brussels leaders budget tariffs trade agreement talks',
].map((words) => words.split(' '));
const FILLER = 'officials said monday tuesday people city region week local report statement'.split(
  ' ',
);

export const corpus = (dated: boolean): StoryInput[] => {
  const random = seededRandom(3);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  return Array.from({ length: 150 }, (_, i) => {
    const event = i % EVENTS.length;
    const words = [
      ...Array.from({ length: 6 }, () => pick(EVENTS[event] as string[])),
      ...Array.from({ length: 1 }, () => pick(EVENTS[(event + 1) % EVENTS.length] as string[])),
      ...Array.from({ length: 1 }, () => pick(FILLER)),
    ];
    const id = `a${String(i).padStart(3, '0')}`;
    const published = dated
      ? new Date(Date.UTC(2024, 2, 1 + Math.floor(random() * 21), 9)).toISOString()
      : undefined;
    return {
      id,
      text: words.join(' '),
      ...(published ? { published } : {}),
      order: storyOrderKey(published, `feed#${id}`, id),
    };
  });
};

export const partition = async (index: StoryIndex): Promise<string[]> =>
  Promise.all(
    (await index.listStories()).map(async (story) =>
      (await index.listMembers(story.id))
        .map((m) => m.articleId)
        .sort()
        .join(','),
    ),
  ).then((groups) => groups.sort());

export const shuffledBatches = (inputs: StoryInput[], seed: number): StoryInput[][] => {
  const random = seededRandom(seed);
  const shuffled = [...inputs];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as StoryInput, shuffled[i] as StoryInput];
  }
  const batches: StoryInput[][] = [];
  for (let at = 0; at < shuffled.length;) {
    const size = 1 + Math.floor(random() * 40);
    batches.push(shuffled.slice(at, at + size));
    at += size;
  }
  return batches;
};
