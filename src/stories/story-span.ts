import type { StoryRecord } from './story-index.js';
import type { StoryOptions } from './story-options.js';

const DAY_MS = 86_400_000;

const time = (iso: string | undefined): number | undefined => {
  if (iso === undefined) return undefined;
  const parsed = Date.parse(iso);
  return Number.isNaN(parsed) ? undefined : parsed;
};

/**
 * Whether two stories' spans come within the time window of each other (an undated story meets
 * any). Merging checks it: an undated article may join any story, and the story it joined must
 * not then absorb one months away (two Leopard stories, an order and an exercise seven months
 * apart, became one through an undated article about the exercise).
 */
export const spansMeet = (
  a: StoryRecord,
  b: StoryRecord,
  options: StoryOptions,
  days: number = options.windowDays,
): boolean => {
  const [af, al, bf, bl] = [a.firstSeen, a.lastSeen, b.firstSeen, b.lastSeen].map(time);
  if (af === undefined || al === undefined || bf === undefined || bl === undefined) return true;
  const window = days * DAY_MS;
  return bf <= al + window && af <= bl + window;
};
