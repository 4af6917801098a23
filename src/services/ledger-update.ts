import { claimsOfArticle } from '../claims/article-claims.js';
import { CLAIMS_VERSION } from '../claims/claim.js';
import { parseLedgerDocument, type LedgerArticle } from '../claims/ledger-input.js';
import type { Article } from '../core/article.js';
import type { ArticleEnrichment } from '../core/enrichment.js';
import { dependenciesOfArticle } from '../dependencies/article-dependencies.js';
import { GRAPH_VERSION } from '../dependencies/dependency-edge.js';
import type { ArticleLedger } from '../store/ledger-port.js';
import type { ArticleStore } from '../store/port.js';

/** The version saved with an article's ledger rows: the ledger stages and the enrichment they read. */
export const ledgerVersion = (enrichmentVersion: string): string =>
  `${CLAIMS_VERSION}+${GRAPH_VERSION}+${enrichmentVersion}`;

export const deriveArticleLedger = (article: LedgerArticle): ArticleLedger => ({
  claims: claimsOfArticle(article),
  ...dependenciesOfArticle(article),
});

export interface LedgerUpdateSummary {
  updated: number;
  /** Already derived from the current enrichment with the current stage versions. */
  current: number;
  /** No enrichment stored (ingested with --no-enrich). */
  unenriched: number;
  failed: number;
}

export interface LedgerUpdateOptions {
  /** Re-derive even when the saved version matches. */
  readonly force?: boolean;
  readonly onFailed?: (articleId: string, reason: string) => void;
  /**
   * Enrichments the caller just saved, by article id: used instead of reading them back from the
   * store (ingest has them in hand; reading and parsing them again was a fifth of the ledger step).
   */
  readonly enrichments?: ReadonlyMap<string, ArticleEnrichment>;
}

const emptySummary = (): LedgerUpdateSummary => ({
  updated: 0,
  current: 0,
  unenriched: 0,
  failed: 0,
});

/**
 * Derives one article's claims, edges and alternatives from its stored enrichment and syndication
 * decision and replaces its ledger rows: how a new article joins the ledger and graph without a
 * rebuild. Returns what happened; a record that cannot be read is reported, never thrown.
 */
export const updateArticleLedger = async (
  store: ArticleStore,
  article: Article,
  options: LedgerUpdateOptions = {},
): Promise<keyof LedgerUpdateSummary> => {
  const ledger = store.ledger;
  if (!ledger) return 'current';
  try {
    const enrichment =
      options.enrichments?.get(article.id) ?? (await store.getEnrichment(article.id));
    if (!enrichment) return 'unenriched';
    const version = ledgerVersion(enrichment.version);
    if (!options.force && (await ledger.versionOf(article.id)) === version) return 'current';
    const parsed = parseLedgerDocument(article.id, enrichment.document);
    if (!parsed.ok) {
      options.onFailed?.(article.id, parsed.error);
      return 'failed';
    }
    const decision = await store.nearDuplicates?.getDecision(article.id);
    const derived = deriveArticleLedger({
      id: article.id,
      text: article.text,
      ...(article.title !== undefined ? { title: article.title } : {}),
      ...(article.published !== undefined ? { published: article.published } : {}),
      ...((article.source ?? article.site) !== undefined
        ? { source: (article.source ?? article.site)! }
        : {}),
      syndicationGroup: decision?.of ?? article.id,
      enrichmentVersion: enrichment.version,
      document: parsed.value,
    });
    await ledger.replaceArticle(article.id, derived, version);
    return 'updated';
  } catch (cause) {
    options.onFailed?.(article.id, (cause as Error).message);
    return 'failed';
  }
};

/**
 * The ingest hook: called once per saved batch after syndication and stories are decided (the
 * syndication group is part of every claim and edge). Articles already current are skipped.
 */
export const updateLedger = async (
  store: ArticleStore,
  articleIds: readonly string[],
  options: LedgerUpdateOptions = {},
): Promise<LedgerUpdateSummary> => {
  const summary = emptySummary();
  if (!store.ledger) return summary;
  const updateAll = async (): Promise<LedgerUpdateSummary> => {
    for (const id of new Set(articleIds)) {
      const article = await store.getArticle(id);
      if (!article) continue;
      summary[await updateArticleLedger(store, article, options)]++;
    }
    return summary;
  };
  // SQLite: one commit per batch instead of one per article. PostgreSQL's inTransaction holds the
  // organise lock, which the ledger's own per-article transactions do not need.
  return store.backend === 'sqlite' && store.inTransaction
    ? store.inTransaction(updateAll)
    : updateAll();
};

/** Re-derives every article's ledger rows from stored enrichment (`sitrep ledger rebuild`). */
export const rebuildLedger = async (
  store: ArticleStore,
  options: LedgerUpdateOptions & { onProgress?: (examined: number) => void } = {},
): Promise<LedgerUpdateSummary> => {
  const summary = emptySummary();
  if (!store.ledger) return summary;
  if (options.force) await store.ledger.clear();
  let examined = 0;
  for await (const article of store.streamArticles()) {
    summary[await updateArticleLedger(store, article, options)]++;
    options.onProgress?.(++examined);
  }
  return summary;
};
