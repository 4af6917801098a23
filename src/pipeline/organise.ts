import type { ArticleDraft, SaveOutcome } from '../core/article.js';
import type { ArticleEnrichment } from '../core/enrichment.js';
import { decideSyndication } from '../dedup/decide-syndication.js';
import { dedupOptions } from '../dedup/dedup-options.js';
import { assignStory } from '../stories/assign-story.js';
import { storyOptions } from '../stories/story-options.js';
import type { ArticleStore } from '../store/port.js';

export interface OrganiseCounts {
  copies: number;
  storiesOpened: number;
}

/**
 * Syndication and story clustering for a saved batch, one article at a time (both stages read, then
 * write, their index). Both are idempotent per article id, so unchanged articles are passed too:
 * a run killed after saving is completed by the next. Revised articles keep their first decision
 * (re-deciding a revision is not supported by the stages yet).
 */
export const organiseSaved = async (
  store: ArticleStore,
  drafts: readonly ArticleDraft[],
  outcomes: readonly SaveOutcome[],
  entityNames: ReadonlyMap<string, readonly string[]>,
): Promise<OrganiseCounts> => {
  const counts: OrganiseCounts = { copies: 0, storiesOpened: 0 };
  if (!store.nearDuplicates && !store.stories) return counts;
  const inTransaction = store.inTransaction ?? (<T>(work: () => Promise<T>) => work());
  return inTransaction(() => organiseEach(store, drafts, outcomes, entityNames, counts));
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

const organiseEach = async (
  store: ArticleStore,
  drafts: readonly ArticleDraft[],
  outcomes: readonly SaveOutcome[],
  entityNames: ReadonlyMap<string, readonly string[]>,
  counts: OrganiseCounts,
): Promise<OrganiseCounts> => {
  const dedup = dedupOptions();
  const story = storyOptions();
  for (const [index, outcome] of outcomes.entries()) {
    const draft = drafts[index];
    if (!draft || outcome.status === 'revised') continue;
    const base = {
      id: outcome.id,
      text: draft.text,
      ...(draft.title !== undefined ? { title: draft.title } : {}),
      ...(draft.source !== undefined ? { source: draft.source } : {}),
      ...(draft.published !== undefined ? { published: draft.published } : {}),
    };
    if (store.nearDuplicates) {
      const { decision } = await decideSyndication(
        {
          ...base,
          ...(draft.url !== undefined ? { url: draft.url } : {}),
          ...(draft.canonicalUrl !== undefined ? { canonicalUrl: draft.canonicalUrl } : {}),
        },
        store.nearDuplicates,
        dedup,
      );
      if (outcome.status === 'added' && decision.status !== 'original') counts.copies++;
    }
    if (store.stories) {
      // An article already in a story keeps it: its stored enrichment is read (and parsed) only
      // when it still has to be clustered, not for every unchanged article of a re-run.
      const entities =
        entityNames.get(outcome.id) ??
        ((await store.stories.getMembership(outcome.id))
          ? undefined
          : await storedEntityNames(store, outcome.id));
      const assignment = await assignStory(
        { ...base, ...(entities ? { entities } : {}) },
        store.stories,
        story,
      );
      if (assignment.opened) counts.storiesOpened++;
    }
  }
  return counts;
};
