import type { Claim } from '../claims/claim.js';
import { groupClaims, type ClaimGroup, type ClaimPair } from '../claims/compare-claims.js';
import { graphParty } from '../dependencies/article-dependencies.js';
import type { GraphParty } from '../dependencies/dependency-edge.js';
import {
  buildDependencyGraph,
  type DependencyGraph,
  type GraphFilter,
} from '../dependencies/dependency-graph.js';
import { exposureOf, type ExposureReport } from '../dependencies/exposure.js';
import type { KnowledgeBase } from '../kb/kb-types.js';
import type { ArticleStore } from '../store/port.js';
import { AppError } from '../core/errors.js';

const ledgerOf = (store: ArticleStore) => {
  if (!store.ledger)
    throw new AppError(
      'STORE_UNAVAILABLE',
      `the ${store.backend} store has no claim ledger tables`,
    );
  return store.ledger;
};

/** One side of a flagged conflict, in the shape `sitrep claims --conflicts --json` prints. */
export interface ConflictSide {
  readonly article: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly value: number;
  readonly unit: string;
  readonly qualifier: string;
  readonly sentence: string;
  readonly claimant: string;
  readonly as_of: string | null;
  readonly published: string | null;
  readonly source: string | null;
}

export interface ConflictView {
  readonly a: ConflictSide;
  readonly b: ConflictSide;
  readonly measure: string;
  readonly measure_key: string;
  readonly reasons: readonly string[];
  readonly version: string;
}

const side = (claim: Claim, sentence: string): ConflictSide => ({
  article: claim.articleId,
  start: claim.start,
  end: claim.end,
  text: claim.text,
  value: claim.value,
  unit: claim.unit,
  qualifier: claim.qualifier,
  sentence,
  claimant: claim.claimant.name,
  as_of: claim.asOf ?? null,
  published: claim.published ?? null,
  source: claim.source ?? null,
});

/** Article text cache for evidence sentences, one read per article. */
const sentenceReader = (store: ArticleStore) => {
  const texts = new Map<string, string>();
  return async (claim: Claim): Promise<string> => {
    if (!texts.has(claim.articleId))
      texts.set(claim.articleId, (await store.getArticle(claim.articleId))?.text ?? '');
    return texts.get(claim.articleId)!.slice(claim.sentence.start, claim.sentence.end);
  };
};

export const conflictView = async (
  store: ArticleStore,
  pair: ClaimPair,
  sentenceOf = sentenceReader(store),
): Promise<ConflictView> => ({
  a: side(pair.a, await sentenceOf(pair.a)),
  b: side(pair.b, await sentenceOf(pair.b)),
  measure: pair.a.measureLabel,
  measure_key: pair.measure,
  reasons: pair.reasons,
  version: pair.version,
});

export interface ClaimsQuery {
  /** An entity id or name: claims about it or by it. */
  readonly entity?: string;
  readonly conflictsOnly?: boolean;
}

const resolveEntityId = async (store: ArticleStore, entity: string): Promise<string> =>
  (await store.getEntity(entity))?.id ?? entity;

/** Claims grouped by measure, each group labelled conflict / change over time / consistent / single. */
export const claimGroups = async (
  store: ArticleStore,
  query: ClaimsQuery = {},
): Promise<ClaimGroup[]> => {
  const ledger = ledgerOf(store);
  if (query.entity === undefined) {
    const claims = await ledger.listClaims(query.conflictsOnly ? { sharedMeasures: true } : {});
    return groupClaims(claims);
  }
  // A measure's rivals need not name the entity themselves: load whole measures.
  const entityId = await resolveEntityId(store, query.entity);
  const own = await ledger.listClaims({ entityId });
  const measures = [...new Set(own.map((c) => c.measure))];
  const claims = (
    await Promise.all(measures.map((measure) => ledger.listClaims({ measure })))
  ).flat();
  return groupClaims(claims);
};

export const conflictsOf = async (
  store: ArticleStore,
  query: ClaimsQuery = {},
): Promise<ConflictView[]> => {
  const groups = await claimGroups(store, { ...query, conflictsOnly: true });
  const sentenceOf = sentenceReader(store);
  const views: ConflictView[] = [];
  for (const group of groups)
    for (const pair of group.pairs)
      if (pair.verdict === 'conflict') views.push(await conflictView(store, pair, sentenceOf));
  return views;
};

/**
 * A name or id as a graph node: a KB id as is, else the KB entity the name denotes (countries
 * first), else the name itself.
 */
export const resolveParty = (kb: KnowledgeBase, nameOrId: string): GraphParty => {
  const byId = kb.get(nameOrId);
  if (byId) return { key: byId.id, id: byId.id, name: byId.name };
  const candidates = kb.findByAlias(nameOrId);
  const best =
    candidates.find((e) => e.type === 'GPE' && e.iso2) ??
    candidates.find((e) => e.type === 'ORG') ??
    candidates[0];
  return best ? { key: best.id, id: best.id, name: best.name } : graphParty({ name: nameOrId });
};

export interface GraphQuery {
  /** A country, system or supplier (name or id): its neighbourhood only. */
  readonly node?: string;
  readonly capability?: string;
  readonly status?: string;
  readonly from?: string;
  readonly to?: string;
}

export const dependencyGraph = async (
  store: ArticleStore,
  kb: KnowledgeBase,
  query: GraphQuery = {},
): Promise<DependencyGraph> => {
  const filter: GraphFilter = {
    ...(query.node !== undefined ? { node: resolveParty(kb, query.node).key } : {}),
    ...(query.capability !== undefined ? { capability: query.capability } : {}),
    ...(query.status !== undefined ? { status: query.status } : {}),
    ...(query.from !== undefined ? { from: query.from } : {}),
    ...(query.to !== undefined ? { to: query.to } : {}),
  };
  return buildDependencyGraph(await ledgerOf(store).listEdges(), kb, filter);
};

export const exposureReport = async (
  store: ArticleStore,
  kb: KnowledgeBase,
  country: string,
  supplier?: string,
): Promise<ExposureReport> => {
  const ledger = ledgerOf(store);
  const party = resolveParty(kb, country);
  return exposureOf(
    party,
    // Recipients are resolved at read time ("Kyiv" is Ukraine), so every edge is a candidate.
    await ledger.listEdges(),
    await ledger.listAlternatives(),
    kb,
    supplier !== undefined ? resolveParty(kb, supplier) : undefined,
  );
};
