import type { InputFormat, Provenance } from './raw-item.js';

/** Versions of the stages that derived an article's fields, saved with it so `reprocess` knows what is stale. */
export type StageVersions = Readonly<Record<string, string>>;

/** What the pipeline hands the store: an article as derived from one raw item. */
export interface ArticleDraft {
  /** Identity of the article across revisions: see docs/adr/0004-article-identity.md. */
  readonly identityKey: string;
  readonly format: InputFormat;
  readonly provenance: Provenance;
  readonly raw: string;
  readonly rawMediaType: string;
  /**
   * JSON of the reader's record minus `raw` (body, title candidate, feed metadata), so `reprocess`
   * can re-run cleaning exactly as ingest did. The body is omitted when it equals `raw`.
   */
  readonly itemRecord: string;
  readonly externalId?: string;
  readonly url?: string;
  readonly canonicalUrl?: string;
  readonly source?: string;
  readonly site?: string;
  readonly title?: string;
  readonly text: string;
  readonly authors: readonly string[];
  readonly categories: readonly string[];
  readonly published?: string;
  readonly language?: string;
  /** sha256 of the normalised title + text: equal hash at the same identity means "unchanged". */
  readonly contentHash: string;
  readonly stageVersions: StageVersions;
}

/** A stored article (its current revision's fields). */
export interface Article extends Omit<ArticleDraft, 'raw' | 'itemRecord'> {
  readonly id: string;
  readonly revision: number;
  readonly ingestedAt: string;
  readonly updatedAt: string;
}

export interface ArticleRevision {
  readonly articleId: string;
  readonly revision: number;
  readonly contentHash: string;
  readonly title?: string;
  readonly text: string;
  readonly raw: string;
  readonly rawMediaType: string;
  readonly provenance: Provenance;
  readonly ingestedAt: string;
}

export type SaveStatus = 'added' | 'unchanged' | 'revised';

export interface SaveOutcome {
  readonly identityKey: string;
  readonly id: string;
  readonly status: SaveStatus;
  readonly revision: number;
}

/** Fields a stage re-derives from the stored raw input (used by `reprocess`). */
export interface DerivedFields {
  readonly title?: string;
  readonly text: string;
  readonly authors: readonly string[];
  readonly published?: string;
  readonly language?: string;
  readonly site?: string;
  readonly canonicalUrl?: string;
  readonly contentHash: string;
  readonly stageVersions: StageVersions;
}
