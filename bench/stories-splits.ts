/**
 * Why events were split (bench/stories-quality.ts --splits): for each gold event spread over more
 * than one story, every smaller story beside the event's largest, with the centroid cosine under
 * the final document frequencies, the gap in days between their spans, and the entities they
 * share. Read to decide what a merge must see; never used to score.
 */
import type { StoryIndex, StoryRecord } from '../src/stories/story-index.js';
import type { Labelled } from './stories-sets.js';

const DAY_MS = 86_400_000;

const vectorOf = async (
  index: StoryIndex,
  story: StoryRecord,
): Promise<{ vector: Map<string, number>; norm: number }> => {
  const { documents, frequencies } = await index.documentFrequencies([...story.centroid.keys()]);
  const vector = new Map<string, number>();
  let norm = 0;
  for (const [term, weight] of story.centroid) {
    const value = weight * (Math.log((documents + 1) / ((frequencies.get(term) ?? 0) + 1)) + 1);
    vector.set(term, value);
    norm += value * value;
  }
  return { vector, norm: Math.sqrt(norm) };
};

const cosineOf = (
  a: { vector: Map<string, number>; norm: number },
  b: { vector: Map<string, number>; norm: number },
): number => {
  let dot = 0;
  for (const [term, value] of a.vector) dot += value * (b.vector.get(term) ?? 0);
  return a.norm === 0 || b.norm === 0 ? 0 : dot / (a.norm * b.norm);
};

const gapDays = (a: StoryRecord, b: StoryRecord): number => {
  const [af, al, bf, bl] = [a.firstSeen, a.lastSeen, b.firstSeen, b.lastSeen].map((t) =>
    t === undefined ? Number.NaN : Date.parse(t),
  ) as [number, number, number, number];
  if ([af, al, bf, bl].some(Number.isNaN)) return Number.NaN;
  return Math.max(0, bf - al, af - bl) / DAY_MS;
};

const entities = (story: StoryRecord): Set<string> =>
  new Set([...story.centroid.keys()].filter((term) => term.startsWith('\u00a7')));

export const printSplits = async (
  items: readonly Labelled[],
  predicted: readonly string[],
  index: StoryIndex,
): Promise<void> => {
  const byLabel = new Map<string, Map<string, number>>();
  items.forEach((item, i) => {
    const stories = byLabel.get(item.label) ?? new Map<string, number>();
    stories.set(predicted[i] as string, (stories.get(predicted[i] as string) ?? 0) + 1);
    byLabel.set(item.label, stories);
  });
  for (const [label, stories] of byLabel) {
    if (stories.size < 2) continue;
    const ranked = [...stories.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const [mainId, mainCount] = ranked[0] as [string, number];
    const main = await index.getStory(mainId);
    if (!main) continue;
    const mainVector = await vectorOf(index, main);
    const mainEntities = entities(main);
    console.log(
      `\n## ${label}: ${stories.size} stories; main ${mainCount}/${main.articleCount} "${main.title.slice(0, 70)}"`,
    );
    for (const [storyId, count] of ranked.slice(1)) {
      const story = await index.getStory(storyId);
      if (!story) continue;
      const shared = [...entities(story)].filter((e) => mainEntities.has(e));
      console.log(
        `  ${String(count).padStart(3)}/${String(story.articleCount).padEnd(3)} cos ${cosineOf(mainVector, await vectorOf(index, story)).toFixed(3)} gap ${gapDays(main, story).toFixed(1)}d shared ${shared.length}/${entities(story).size} [${shared.slice(0, 4).join(' ')}] "${story.title.slice(0, 70)}"`,
      );
    }
  }
  // The closest pairs of stories whose majority events differ: what a merge must keep apart.
  const majority = new Map<string, Map<string, number>>();
  items.forEach((item, i) => {
    const labels = majority.get(predicted[i] as string) ?? new Map<string, number>();
    labels.set(item.label, (labels.get(item.label) ?? 0) + 1);
    majority.set(predicted[i] as string, labels);
  });
  for (const [storyId, labels] of majority)
    if (labels.size > 1)
      console.log(
        `## mixed ${storyId.slice(0, 50)}: ${[...labels.entries()].map(([l, n]) => `${l} ${n}`).join(', ')}`,
      );
  const stories: {
    story: StoryRecord;
    label: string;
    vector: Awaited<ReturnType<typeof vectorOf>>;
  }[] = [];
  for (const [storyId, labels] of majority) {
    const story = await index.getStory(storyId);
    const label = [...labels.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (story && label !== undefined)
      stories.push({ story, label, vector: await vectorOf(index, story) });
  }
  const pairs: string[] = [];
  const scored: [number, string][] = [];
  for (let i = 0; i < stories.length; i++)
    for (let j = i + 1; j < stories.length; j++) {
      const a = stories[i] as (typeof stories)[number];
      const b = stories[j] as (typeof stories)[number];
      if (a.label === b.label) continue;
      scored.push([
        cosineOf(a.vector, b.vector),
        `${a.label}(${a.story.articleCount}) ~ ${b.label}(${b.story.articleCount}) gap ${gapDays(a.story, b.story).toFixed(1)}d`,
      ]);
    }
  for (const [cos, text] of scored.sort((a, b) => b[0] - a[0]).slice(0, 8))
    pairs.push(`  cos ${cos.toFixed(3)} ${text}`);
  console.log(`\n## closest stories of different events\n${pairs.join('\n')}`);
};
