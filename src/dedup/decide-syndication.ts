import { fingerprintArticle } from './article-fingerprint.js';
import type {
  ArticleFingerprint,
  DedupInput,
  FingerprintWithBands,
} from './article-fingerprint.js';
import { compareCanonical } from './canonical-order.js';
import { compareFingerprints, isCopy } from './compare-fingerprints.js';
import { DEFAULT_DEDUP_OPTIONS, VERSION } from './dedup-options.js';
import type { DedupOptions } from './dedup-options.js';
import type { IndexedCandidate, NearDuplicateIndex } from './near-duplicate-index.js';
import type { SyndicationDecision } from './syndication-decision.js';

export interface SyndicationOutcome {
  /** The decision for the article just decided. */
  readonly decision: SyndicationDecision;
  /** Every decision written by this call (the article's and any earlier article's that changed). */
  readonly written: readonly SyndicationDecision[];
}

/** Candidates read per query: a little over maxCandidates, so one read covers most articles. */
const CANDIDATE_PAGE = 32;

const originalDecision = (articleId: string, hasCopies: boolean): SyndicationDecision => ({
  articleId,
  status: 'original',
  similarity: 1,
  reasons: [hasCopies ? 'earliest-published' : 'unique'],
  version: VERSION,
});

const candidateIds = async (
  fingerprint: ArticleFingerprint,
  bands: readonly number[],
  index: NearDuplicateIndex,
  options: DedupOptions,
): Promise<string[]> => {
  const ids = new Set<string>(await index.findByTextHash(fingerprint.textHash));
  if (fingerprint.urlHash !== undefined)
    for (const id of await index.findByUrlHash(fingerprint.urlHash)) ids.add(id);
  for (const candidate of await index.findBandCandidates(bands, options.maxCandidates))
    ids.add(candidate.articleId);
  ids.delete(fingerprint.articleId);
  return [...ids];
};

const decisionAgainst = (
  member: ArticleFingerprint,
  canonical: ArticleFingerprint,
  options: DedupOptions,
): SyndicationDecision => {
  const comparison = compareFingerprints(member, canonical, options);
  return {
    articleId: member.articleId,
    status: comparison.exact ? 'duplicate' : 'near-duplicate',
    of: canonical.articleId,
    similarity: comparison.similarity,
    reasons: comparison.isCopy ? comparison.reasons : ['transitive'],
    version: VERSION,
  };
};

/**
 * Decides whether an article copies one already indexed, indexes it, and rewrites the decisions a
 * late, earlier-published copy changes (a group's canonical moves to it). Groups are the connected
 * copies; the canonical is their minimum under compareCanonical, so the outcome does not depend on
 * arrival order. Call it for one article at a time per index (it reads, then writes).
 */
export const decideSyndication = async (
  input: DedupInput,
  index: NearDuplicateIndex,
  options: DedupOptions = DEFAULT_DEDUP_OPTIONS,
): Promise<SyndicationOutcome> => {
  const known = await knownOutcome(input.id, index);
  return known ?? decideFingerprinted(fingerprintArticle(input, options), index, options);
};

const knownOutcome = async (
  articleId: string,
  index: NearDuplicateIndex,
): Promise<SyndicationOutcome | undefined> => {
  const known = await index.getDecision(articleId);
  return known && (await index.getFingerprint(articleId))
    ? { decision: known, written: [] }
    : undefined;
};

/**
 * decideSyndication for an article fingerprinted beforehand with the same options (fingerprinting
 * is pure, so a caller may run it on another thread while the index decides earlier articles).
 */
export const decideSyndicationOfFingerprint = async (
  fingerprinted: FingerprintWithBands,
  index: NearDuplicateIndex,
  options: DedupOptions = DEFAULT_DEDUP_OPTIONS,
): Promise<SyndicationOutcome> => {
  const { fingerprint, bands } = fingerprinted;
  if (!index.lookupCandidates)
    return (
      (await knownOutcome(fingerprint.articleId, index)) ??
      decideFingerprinted(fingerprinted, index, options)
    );
  // The same reads as knownOutcome and candidateIds, in one call.
  const lookup = await index.lookupCandidates(fingerprint, bands, options.maxCandidates);
  if (lookup.decision && lookup.indexed) return { decision: lookup.decision, written: [] };
  const ids = new Set<string>(lookup.byText);
  if (fingerprint.urlHash !== undefined) for (const id of lookup.byUrl) ids.add(id);
  for (const candidate of lookup.byBands) ids.add(candidate.articleId);
  ids.delete(fingerprint.articleId);
  return decideFingerprinted(fingerprinted, index, options, [...ids]);
};

const decideFingerprinted = async (
  { fingerprint, bands }: FingerprintWithBands,
  index: NearDuplicateIndex,
  options: DedupOptions,
  found?: readonly string[],
): Promise<SyndicationOutcome> => {
  const roots = new Map<string, ArticleFingerprint>();
  let confirmed = 0;
  const ids = found ?? (await candidateIds(fingerprint, bands, index, options));
  const loaded = new Map<string, IndexedCandidate>();
  for (const [position, id] of ids.entries()) {
    if (confirmed >= options.maxCandidates) break;
    // Candidates are read a page at a time: exact-text matches alone can be thousands.
    if (position % CANDIDATE_PAGE === 0)
      for (const [key, value] of await index.getCandidates(
        ids.slice(position, position + CANDIDATE_PAGE),
      ))
        loaded.set(key, value);
    const entry = loaded.get(id);
    const rootId = entry?.copyOf ?? id;
    if (roots.has(rootId) || !entry) continue;
    confirmed++;
    if (!isCopy(fingerprint, entry.fingerprint, options)) continue;
    const root =
      rootId === id
        ? entry.fingerprint
        : (loaded.get(rootId)?.fingerprint ?? (await index.getFingerprint(rootId)));
    if (root) roots.set(rootId, root);
  }
  await index.addFingerprint(fingerprint, bands);

  if (roots.size === 0) {
    const decision = originalDecision(fingerprint.articleId, false);
    await index.saveDecisions([decision]);
    return { decision, written: [decision] };
  }

  let canonical = fingerprint;
  for (const root of roots.values()) if (compareCanonical(root, canonical) < 0) canonical = root;

  const written: SyndicationDecision[] = [];
  const rewrite = (member: ArticleFingerprint): void => {
    written.push(
      member.articleId === canonical.articleId
        ? originalDecision(member.articleId, true)
        : decisionAgainst(member, canonical, options),
    );
  };
  rewrite(fingerprint);
  for (const [rootId, root] of roots) {
    if (rootId === canonical.articleId) {
      const current = await index.getDecision(rootId);
      if (current?.reasons[0] !== 'earliest-published') rewrite(root);
      continue;
    }
    rewrite(root);
    for (const copy of await index.listCopiesOf(rootId)) {
      const member = await index.getFingerprint(copy.articleId);
      if (member) rewrite(member);
    }
  }
  await index.saveDecisions(written);
  const decision = written[0] as SyndicationDecision;
  return { decision, written };
};
