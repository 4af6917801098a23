import type { NearDuplicateIndex } from '../dedup/near-duplicate-index.js';
import type { SyndicationReason, SyndicationStatus } from '../dedup/syndication-decision.js';
import type { ArticleStore } from '../store/port.js';
import { articleRef, type ArticleRef } from './article-ref.js';

/** A copy in a syndication group: the article and how much of the canonical's text it shares. */
export interface CopyRef extends ArticleRef {
  readonly similarity: number;
  readonly reasons: readonly SyndicationReason[];
}

/** One article's syndication decision with its group, as the article page shows it. */
export interface ArticleSyndication {
  readonly status: SyndicationStatus;
  /** The canonical this article copies; null for an original. */
  readonly of: string | null;
  readonly similarity: number;
  readonly reasons: readonly SyndicationReason[];
  readonly version: string;
  /** The article it copies (null for an original). */
  readonly canonical: ArticleRef | null;
  /** The group's other copies: this original's copies, or a copy's siblings (at most MAX_COPIES_LISTED). */
  readonly copies: CopyRef[];
  /** Every other copy in the group, listed or not. */
  readonly copy_count: number;
}

/** Wire stories can have hundreds of copies; a page lists this many and says how many there are. */
export const MAX_COPIES_LISTED = 50;

const copyRefs = async (
  store: ArticleStore,
  members: readonly { id: string; similarity: number; reasons: readonly SyndicationReason[] }[],
): Promise<CopyRef[]> =>
  Promise.all(
    members.map(async (m) => ({
      ...(await articleRef(store, m.id)),
      similarity: m.similarity,
      reasons: m.reasons,
    })),
  );

/** The decision and group of one article, or undefined when no decision is stored for it. */
export const articleSyndication = async (
  store: ArticleStore,
  index: NearDuplicateIndex,
  articleId: string,
): Promise<ArticleSyndication | undefined> => {
  const decision = await index.getDecision(articleId);
  if (!decision) return undefined;
  const canonicalId = decision.of ?? articleId;
  const others = (await index.listCopiesOf(canonicalId)).filter((d) => d.articleId !== articleId);
  const listed = others
    .slice(0, MAX_COPIES_LISTED)
    .map((d) => ({ id: d.articleId, similarity: d.similarity, reasons: d.reasons }));
  return {
    status: decision.status,
    of: decision.of ?? null,
    similarity: decision.similarity,
    reasons: decision.reasons,
    version: decision.version,
    canonical: decision.of === undefined ? null : await articleRef(store, decision.of),
    copies: await copyRefs(store, listed),
    copy_count: others.length,
  };
};

export interface SyndicationGroupView {
  readonly canonical: ArticleRef;
  readonly members: CopyRef[];
}

/** Every group with its articles' titles and sources (`sitrep dupes`), sorted by canonical id. */
export const describeSyndicationGroups = async (
  store: ArticleStore,
  index: NearDuplicateIndex,
): Promise<SyndicationGroupView[]> => {
  const views: SyndicationGroupView[] = [];
  for (const group of await index.listGroups()) {
    views.push({
      canonical: await articleRef(store, group.canonical),
      members: await copyRefs(store, group.members),
    });
  }
  return views;
};
