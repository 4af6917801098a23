import type { ArticleDraft, SaveOutcome } from '../core/article.js';
import type { ArticleEnrichment } from '../core/enrichment.js';
import { fingerprintArticle, type DedupInput } from '../dedup/article-fingerprint.js';
import { decideSyndication, decideSyndicationOfFingerprint } from '../dedup/decide-syndication.js';
import { dedupOptions } from '../dedup/dedup-options.js';
import { prepareTerms, type StoryInput } from '../stories/assign-story.js';
import { DeferredSettle } from '../stories/deferred-settle.js';
import { settleStories } from '../stories/settle-stories.js';
import type { StoryIndex, StoryMember } from '../stories/story-index.js';
import { storyOptions } from '../stories/story-options.js';
import { storyOrderKey } from '../stories/story-order.js';
import type { ArticleStore } from '../store/port.js';

type OrganiseScope = 'syndication' | 'stories';

export interface OrganiseCounts {
  copies: number;
  storiesOpened: number;
}

/**
 * Syndication and story clustering for a saved batch, one article at a time (both stages read, then
 * write, their index). Both are idempotent per article id, so unchanged articles are passed too:
 * a run killed after saving is completed by the next. Revised articles keep their first decision
 * (re-deciding a revision is not supported by the stages yet).
 *
 * Each stage runs in a transaction of its own (one on SQLite, for one commit per batch): neither
 * reads what the other writes, and PostgreSQL serialises each stage across workers on its own lock,
 * so one worker clusters while another decides syndication. What needs no index (fingerprints, an
 * article's terms) is computed before, outside any lock.
 */
export const organiseSaved = async (
  store: ArticleStore,
  drafts: readonly ArticleDraft[],
  outcomes: readonly SaveOutcome[],
  entityNames: ReadonlyMap<string, readonly string[]>,
  deferred?: DeferredSettle,
): Promise<OrganiseCounts> => {
  const counts: OrganiseCounts = { copies: 0, storiesOpened: 0 };
  if (!store.nearDuplicates && !store.stories) return counts;
  const organised = outcomes.flatMap((outcome, index) => {
    const draft = drafts[index];
    return draft && outcome.status !== 'revised' ? [{ outcome, draft }] : [];
  });
  const transaction = <T>(work: () => Promise<T>, scope?: OrganiseScope): Promise<T> =>
    store.inTransaction ? store.inTransaction(work, scope) : work();
  const stages = async (): Promise<OrganiseCounts> => {
    if (store.nearDuplicates) {
      const index = store.nearDuplicates;
      const dedup = dedupOptions();
      // New articles are fingerprinted here (pure work); stored ones only if the index asks.
      const decisions = organised.map(({ outcome, draft }) => {
        const input = dedupInput(outcome, draft);
        return outcome.status === 'added'
          ? { outcome, fingerprinted: fingerprintArticle(input, dedup), input }
          : { outcome, input };
      });
      await transaction(async () => {
        for (const { outcome, fingerprinted, input } of decisions) {
          const { decision } = fingerprinted
            ? await decideSyndicationOfFingerprint(fingerprinted, index, dedup)
            : await decideSyndication(input, index, dedup);
          if (outcome.status === 'added' && decision.status !== 'original') counts.copies++;
        }
      }, 'syndication');
    }
    if (store.stories) {
      const stories = store.stories;
      const story = storyOptions();
      const inputs = organised.map(({ outcome, draft }) => storyInput(outcome, draft, entityNames));
      // For an index that reads ahead: the terms of the articles whose entities are known,
      // tokenised here (prepareTerms keeps them for the clustering), read in the first round trip.
      const terms = new Set<string>();
      if (stories.prefetch)
        for (const input of inputs)
          if (input.entities) for (const term of prepareTerms(input, story)) terms.add(term);
      await transaction(async () => {
        await stories.prefetch?.(
          inputs.map((input) => input.id),
          [...terms],
        );
        await clusterEach(store, stories, inputs, counts, deferred);
      }, 'stories');
    }
    return counts;
  };
  return store.backend === 'sqlite' ? transaction(stages) : stages();
};

/**
 * Holds a run's stories back until its end (deferred-settle.ts), for organiseSaved; call settle()
 * on it once the run's last batch is organised.
 */
export const deferredStories = (store: ArticleStore): DeferredSettle | undefined =>
  store.stories
    ? new DeferredSettle(store.stories, storedStoryInputs(store), storyOptions())
    : undefined;

/** Settles what `deferred` holds in the store's organising transaction; stories it opened. */
export const settleDeferred = async (
  store: ArticleStore,
  deferred: DeferredSettle,
): Promise<number> => {
  // Idle (always on PostgreSQL, whose index holds nothing): no transaction, so no organise lock.
  if (deferred.idle) return (await deferred.settle()).opened;
  const inTransaction = store.inTransaction ?? (<T>(work: () => Promise<T>) => work());
  return (await inTransaction(() => deferred.settle())).opened;
};

/**
 * The entity ids clustering sees for an article enriched in an earlier run (one killed between
 * enriching and organising, or a run split in two): the same ones a single run would have passed,
 * so stories do not depend on where a run was cut.
 */
export const storedEntityNames = async (
  store: ArticleStore,
  articleId: string,
): Promise<readonly string[] | undefined> => {
  const enrichment = await store.getEnrichment(articleId);
  return enrichment ? entityNamesOf(enrichment) : undefined;
};

/** Distinct linked entity ids in order of first mention: shared entities pull articles together. */
export const entityNamesOf = (enrichment: ArticleEnrichment): readonly string[] => [
  ...new Set(enrichment.entities.map((entity) => entity.id)),
];

/** Where an article came from, for the canonical story order among articles of one date. */
const locationOf = (draft: ArticleDraft): string =>
  draft.url ??
  `${draft.provenance.path}#${String(draft.provenance.recordIndex ?? 0).padStart(9, '0')}`;

/**
 * What clustering saw of stored articles, read back for a re-settle: the text they were first
 * clustered with (their first revision's) and their stored entities.
 */
const storedStoryInputs =
  (store: ArticleStore) =>
  async (members: readonly StoryMember[]): Promise<StoryInput[]> => {
    const inputs: (StoryInput | undefined)[] = [];
    // Read in chunks of concurrent reads: on PostgreSQL they spread over the pool's connections
    // (one round trip at a time each) instead of one member after another; order is kept.
    for (let at = 0; at < members.length; at += STORED_READS_AT_ONCE)
      inputs.push(
        ...(await Promise.all(
          members
            .slice(at, at + STORED_READS_AT_ONCE)
            .map((member) => storedStoryInput(store, member.articleId)),
        )),
      );
    return inputs.filter((input): input is StoryInput => input !== undefined);
  };

/** Members read back at once by storedStoryInputs (bounds the queries queued on the pool). */
const STORED_READS_AT_ONCE = 32;

const storedStoryInput = async (
  store: ArticleStore,
  articleId: string,
): Promise<StoryInput | undefined> => {
  const [article, entities] = await Promise.all([
    store.getArticle(articleId),
    storedEntityNames(store, articleId),
  ]);
  if (!article) return undefined;
  const first = article.revision > 1 ? (await store.listRevisions(article.id))[0] : undefined;
  const title = first ? first.title : article.title;
  return {
    id: article.id,
    text: first?.text ?? article.text,
    ...(title !== undefined ? { title } : {}),
    ...(article.source !== undefined ? { source: article.source } : {}),
    ...(article.published !== undefined ? { published: article.published } : {}),
    ...(entities ? { entities } : {}),
  };
};

const dedupInput = (outcome: SaveOutcome, draft: ArticleDraft): DedupInput => ({
  ...baseInput(outcome, draft),
  ...(draft.url !== undefined ? { url: draft.url } : {}),
  ...(draft.canonicalUrl !== undefined ? { canonicalUrl: draft.canonicalUrl } : {}),
});

const baseInput = (outcome: SaveOutcome, draft: ArticleDraft) => ({
  id: outcome.id,
  text: draft.text,
  ...(draft.title !== undefined ? { title: draft.title } : {}),
  ...(draft.source !== undefined ? { source: draft.source } : {}),
  ...(draft.published !== undefined ? { published: draft.published } : {}),
});

/** An article as clustering sees it; entities only when this run enriched it (clusterEach reads the rest). */
const storyInput = (
  outcome: SaveOutcome,
  draft: ArticleDraft,
  entityNames: ReadonlyMap<string, readonly string[]>,
): StoryInput => {
  const entities = entityNames.get(outcome.id);
  return {
    ...baseInput(outcome, draft),
    ...(entities ? { entities } : {}),
    order: storyOrderKey(draft.published, locationOf(draft), outcome.id),
  };
};

/** Clusters a batch in canonical order, or holds it back for the run's one settle. */
const clusterEach = async (
  store: ArticleStore,
  stories: StoryIndex,
  inputs: readonly StoryInput[],
  counts: OrganiseCounts,
  deferred: DeferredSettle | undefined,
): Promise<void> => {
  const storyInputs: StoryInput[] = [];
  for (const input of inputs) {
    // An article already in a story keeps it: its stored enrichment is read (and parsed) only
    // when it still has to be clustered, not for every unchanged article of a re-run.
    const entities =
      input.entities ??
      (deferred?.holds(input.id) || (await stories.getMembership(input.id))
        ? undefined
        : await storedEntityNames(store, input.id));
    storyInputs.push(entities && !input.entities ? { ...input, entities } : input);
  }
  if (deferred) await deferred.add(storyInputs);
  else {
    const settled = await settleStories(
      storyInputs,
      stories,
      storedStoryInputs(store),
      storyOptions(),
    );
    counts.storiesOpened += settled.opened;
  }
};
