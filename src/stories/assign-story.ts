import { withBackground } from './background-frequencies.js';
import { DEFAULT_STORY_OPTIONS, VERSION } from './story-options.js';
import type { StoryOptions } from './story-options.js';
import type { StoryIndex, StoryRecord } from './story-index.js';
import { spansMeet } from './story-span.js';
import { nameLikeTerms, storyTerms } from './story-terms.js';
import { inverseFrequency, Scoring, type Weighted } from './story-scoring.js';
import { TermSpace, type HasTermSpace } from './term-space.js';

/** What story clustering needs to know about an article. */
export interface StoryInput {
  readonly id: string;
  readonly text: string;
  readonly title?: string;
  readonly source?: string;
  /** ISO 8601. Undated articles may join any story. */
  readonly published?: string;
  /** Names of entities found by enrichment; shared entities pull articles together. */
  readonly entities?: readonly string[];
  /** Place in the canonical clustering order (storyOrderKey); stored with the membership. */
  readonly order?: string;
}

export interface StoryAssignment {
  readonly articleId: string;
  readonly storyId: string;
  /** Cosine similarity to the story it joined (1 when it opened a new story). */
  readonly similarity: number;
  readonly opened: boolean;
  /** Stories merged into `storyId` by this call: their articles now belong to `storyId`. */
  readonly merged: readonly string[];
  readonly version: string;
}

const DAY_MS = 86_400_000;
const ENTITY_PREFIX = '\u00a7';

/**
 * A title without the site and section names pages and feeds join to it with a bar or guillemet
 * ("Shelling of Kramatorsk (08.04.22) « War in Ukraine | Censor.NET"): the longest segment. Those
 * names recur in every article of a site at double weight, and let one site's big story take
 * that site's first articles on another event. Dashes and colons are left alone: they also join
 * a headline to the name of who said it ("... - PM").
 */
const headline = (title: string): string => {
  const segments = title.split(/\s+[|\u00ab\u00bb]\s+/);
  return segments.length < 2 ? title : segments.reduce((a, b) => (b.length > a.length ? b : a));
};

/**
 * Weights computed ahead by prepareTerms, per input object, with the options they were computed
 * with; the first use takes them out (memory is held only between the two calls).
 */
const prepared = new WeakMap<
  StoryInput,
  { readonly options: StoryOptions; readonly weights: Map<string, number> }
>();

const sameWeighting = (a: StoryOptions, b: StoryOptions): boolean =>
  a === b ||
  (a.nameWeight === b.nameWeight &&
    a.titleWeight === b.titleWeight &&
    a.entityWeight === b.entityWeight);

/** Sublinear term weights, L2-normalised so every article weighs the same in a centroid. */
const termWeights = (input: StoryInput, options: StoryOptions): Map<string, number> => {
  const ahead = prepared.get(input);
  if (!ahead) return computeTermWeights(input, options);
  prepared.delete(input);
  return sameWeighting(ahead.options, options) ? ahead.weights : computeTermWeights(input, options);
};

/**
 * documentTerms, computed now and kept for this input object's next assignStory: a caller that
 * serialises assignments (the PostgreSQL organise lock) tokenises before taking the lock.
 */
export const prepareTerms = (
  input: StoryInput,
  options: StoryOptions = DEFAULT_STORY_OPTIONS,
): string[] => {
  const weights = computeTermWeights(input, options);
  prepared.set(input, { options, weights });
  return [...weights.keys()];
};

const computeTermWeights = (input: StoryInput, options: StoryOptions): Map<string, number> => {
  const counts = new Map<string, number>();
  const add = (term: string, by: number): void =>
    void counts.set(term, (counts.get(term) ?? 0) + by);
  for (const term of storyTerms(input.text)) add(term, 1);
  if (options.nameWeight > 0)
    for (const term of nameLikeTerms(input.text)) add(term, options.nameWeight);
  if (input.title !== undefined)
    for (const term of storyTerms(headline(input.title))) add(term, options.titleWeight);
  for (const entity of input.entities ?? [])
    add(`${ENTITY_PREFIX}${entity.toLowerCase()}`, options.entityWeight);
  const weights = new Map<string, number>();
  let norm = 0;
  for (const [term, count] of counts) {
    const weight = 1 + Math.log(count);
    weights.set(term, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [term, weight] of weights) weights.set(term, weight / norm);
  return weights;
};

/** The distinct terms an article counts in the corpus' document frequencies. */
export const documentTerms = (
  input: StoryInput,
  options: StoryOptions = DEFAULT_STORY_OPTIONS,
): string[] => [...termWeights(input, options).keys()];

/** The index's own term space when it keeps one across assignments, else one for this call. */
// An index wrapped in a proxy (per-call transactions, lazy test set-ups) may answer any property
// with a function, so only a real TermSpace counts as the index's own.
const termSpaceOf = (index: StoryIndex): TermSpace => {
  const own = (index as Partial<HasTermSpace>).termSpace;
  return own instanceof TermSpace
    ? own
    : new TermSpace((terms) => index.documentFrequencies(terms));
};

const time = (iso: string | undefined): number | undefined => {
  if (iso === undefined) return undefined;
  const parsed = Date.parse(iso);
  return Number.isNaN(parsed) ? undefined : parsed;
};

const inWindow = (story: StoryRecord, published: number | undefined, days: number): boolean => {
  const first = time(story.firstSeen);
  const last = time(story.lastSeen);
  if (published === undefined || first === undefined || last === undefined) return true;
  const window = days * DAY_MS;
  return published >= first - window && published <= last + window;
};

/** Days beyond which a story is out of reach: windowDays, or reachDays when that is longer. */
const reachOf = (options: StoryOptions): number => Math.max(options.windowDays, options.reachDays);

const earlier = (a: string | undefined, b: string | undefined): boolean => {
  const ta = time(a);
  const tb = time(b);
  return ta !== undefined && (tb === undefined || ta < tb);
};

const pruned = (centroid: Map<string, number>, options: StoryOptions): Map<string, number> =>
  centroid.size <= options.centroidTerms
    ? centroid
    : new Map(
        [...centroid.entries()]
          .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
          .slice(0, options.centroidTerms),
      );

const mergeInto = (story: StoryRecord, other: StoryRecord, options: StoryOptions): StoryRecord => {
  const centroid = new Map(story.centroid);
  for (const [term, weight] of other.centroid)
    centroid.set(term, (centroid.get(term) ?? 0) + weight);
  const otherFirst = earlier(other.firstSeen, story.firstSeen);
  const firstSeen = otherFirst ? other.firstSeen : story.firstSeen;
  const lastSeen = earlier(story.lastSeen, other.lastSeen) ? other.lastSeen : story.lastSeen;
  return {
    ...story,
    title: otherFirst ? other.title : story.title,
    ...(firstSeen === undefined ? {} : { firstSeen }),
    ...(lastSeen === undefined ? {} : { lastSeen }),
    articleCount: story.articleCount + other.articleCount,
    sources: [...new Set([...story.sources, ...other.sources])].sort(),
    centroid: pruned(centroid, options),
  };
};

/**
 * Puts an article in the most similar story within the time window, or opens a new story. IDF is
 * learnt as articles arrive and applied at comparison time, so earlier stories benefit from it too;
 * nothing is re-clustered. Call it for one article at a time per index.
 */
export const assignStory = async (
  input: StoryInput,
  index: StoryIndex,
  options: StoryOptions = DEFAULT_STORY_OPTIONS,
): Promise<StoryAssignment> => {
  const known = await index.getMembership(input.id);
  if (known) {
    return {
      articleId: input.id,
      storyId: known.storyId,
      similarity: known.similarity,
      opened: false,
      merged: [],
      version: VERSION,
    };
  }

  const weights = termWeights(input, options);
  const terms = [...weights.keys()];
  await index.addDocument(terms);
  const space = termSpaceOf(index);
  space.begin();
  const scoring = new Scoring(space, (documents, frequency, term) => {
    const prior = withBackground(documents, frequency, term, options.backgroundWeight);
    return inverseFrequency(prior.documents, prior.frequency, options.idf);
  });
  const articleVector = space.vector(weights);
  await space.load([articleVector]);

  const lookup = scoring.heaviest(articleVector, options.lookupTerms);
  const published = time(input.published);
  const stories: StoryRecord[] = [];
  for (const candidate of await index.findStoriesByTerms(
    lookup,
    options.maxCandidates,
    options.postingsPerTerm,
  )) {
    const story = await index.getStory(candidate.storyId);
    if (story && inWindow(story, published, reachOf(options))) stories.push(story);
  }
  // Also reads again what a moved document count (another writer) made this process forget.
  await space.load([articleVector, ...stories.map((story) => space.vector(story.centroid))]);

  const article = scoring.weighted(articleVector);
  const scored = new Map<StoryRecord, Weighted>();
  let best: StoryRecord | undefined;
  let bestSimilarity = 0;
  for (const story of stories) {
    const vector = scoring.weighted(space.vector(story.centroid));
    scored.set(story, vector);
    const similarity = scoring.cosine(article, vector);
    // Past the window, only a close match counts (and then as itself).
    if (!inWindow(story, published, options.windowDays) && similarity < options.reachThreshold)
      continue;
    if (
      similarity > bestSimilarity ||
      (similarity === bestSimilarity && best && story.id < best.id)
    ) {
      best = story;
      bestSimilarity = similarity;
    }
  }

  const opened = !best || bestSimilarity < options.threshold;
  let story: StoryRecord;
  if (opened || !best) {
    story = {
      id: `story-${input.id}`,
      title: input.title ?? input.text.slice(0, 80),
      ...(input.published === undefined
        ? {}
        : { firstSeen: input.published, lastSeen: input.published }),
      articleCount: 1,
      sources: input.source === undefined ? [] : [input.source],
      centroid: weights,
      version: VERSION,
    };
  } else {
    const centroid = new Map(best.centroid);
    for (const [term, weight] of weights) centroid.set(term, (centroid.get(term) ?? 0) + weight);
    const kept = pruned(centroid, options);
    const takesTitle = input.title !== undefined && earlier(input.published, best.firstSeen);
    const firstSeen = earlier(input.published, best.firstSeen) ? input.published : best.firstSeen;
    const lastSeen =
      earlier(best.lastSeen, input.published) || best.lastSeen === undefined
        ? input.published
        : best.lastSeen;
    story = {
      ...best,
      title: takesTitle ? (input.title as string) : best.title,
      ...(firstSeen === undefined ? {} : { firstSeen }),
      ...(lastSeen === undefined ? {} : { lastSeen }),
      articleCount: best.articleCount + 1,
      sources:
        input.source === undefined || best.sources.includes(input.source)
          ? best.sources
          : [...best.sources, input.source].sort(),
      centroid: kept,
      version: VERSION,
    };
  }
  const similarity = opened ? 1 : Math.round(bestSimilarity * 10000) / 10000;
  const merged: string[] = [];
  if (!opened && options.mergeThreshold > 0) {
    let joined = scoring.weighted(space.vector(story.centroid));
    for (const other of stories) {
      if (other.id === story.id || !spansMeet(story, other, options, reachOf(options))) continue;
      const otherVector = scored.get(other) ?? scoring.weighted(space.vector(other.centroid));
      const cosine = scoring.cosine(joined, otherVector);
      if (cosine < options.mergeThreshold) continue;
      if (!spansMeet(story, other, options) && cosine < options.reachThreshold) continue;
      story = mergeInto(story, other, options);
      joined = scoring.weighted(space.vector(story.centroid));
      await index.moveMembers(other.id, story.id);
      merged.push(other.id);
    }
  }
  await index.saveStory(
    story,
    scoring.heaviest(space.vector(story.centroid), options.lookupTerms * 2),
  );
  await index.addMember({
    articleId: input.id,
    storyId: story.id,
    similarity,
    ...(input.published === undefined ? {} : { published: input.published }),
    ...(input.title === undefined ? {} : { title: input.title }),
    ...(input.source === undefined ? {} : { source: input.source }),
    ...(input.order === undefined ? {} : { order: input.order }),
  });
  return { articleId: input.id, storyId: story.id, similarity, opened, merged, version: VERSION };
};
