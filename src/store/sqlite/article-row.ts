import type { Article, ArticleDraft, ArticleRevision } from '../../core/article.js';
import type { ApiTokenRecord } from '../port.js';
import { articleFromColumns } from '../article-columns.js';
import { languageKey, sourceKey } from '../search-keys.js';
import type { Provenance } from '../../core/raw-item.js';

/** An `articles` row as SQLite returns it; JSON columns are parsed in `articleFromRow`. */
export interface ArticleRow {
  seq: number;
  id: string;
  identity_key: string;
  revision: number;
  format: string;
  external_id: string | null;
  url: string | null;
  canonical_url: string | null;
  source: string | null;
  site: string | null;
  title: string | null;
  text: string;
  authors: string;
  categories: string;
  published: string | null;
  language: string | null;
  content_hash: string;
  stage_versions: string;
  provenance: string;
  raw_media_type: string;
  ingested_at: string;
  updated_at: string;
}

export const articleFromRow = (row: ArticleRow): Article =>
  articleFromColumns({
    ...row,
    authors: JSON.parse(row.authors) as string[],
    categories: JSON.parse(row.categories) as string[],
    stage_versions: JSON.parse(row.stage_versions) as Record<string, string>,
    provenance: JSON.parse(row.provenance) as Provenance,
  });

export interface TokenRow {
  name: string;
  token_hash: string;
  scopes: string;
  created_at: string;
  expires_at: string | null;
}

export const tokenFromRow = (row: TokenRow): ApiTokenRecord => ({
  name: row.name,
  tokenHash: row.token_hash,
  scopes: JSON.parse(row.scopes) as string[],
  createdAt: row.created_at,
  ...(row.expires_at !== null ? { expiresAt: row.expires_at } : {}),
});

export interface RevisionRow {
  article_id: string;
  revision: number;
  content_hash: string;
  title: string | null;
  text: string;
  raw: string;
  raw_media_type: string;
  provenance: string;
  ingested_at: string;
}

export const revisionFromRow = (row: RevisionRow): ArticleRevision => ({
  articleId: row.article_id,
  revision: row.revision,
  contentHash: row.content_hash,
  ...(row.title !== null ? { title: row.title } : {}),
  text: row.text,
  raw: row.raw,
  rawMediaType: row.raw_media_type,
  provenance: JSON.parse(row.provenance) as Provenance,
  ingestedAt: row.ingested_at,
});

export const rowParams = (draft: ArticleDraft) => ({
  identityKey: draft.identityKey,
  format: draft.format,
  externalId: draft.externalId ?? null,
  url: draft.url ?? null,
  canonicalUrl: draft.canonicalUrl ?? null,
  source: draft.source ?? null,
  site: draft.site ?? null,
  title: draft.title ?? null,
  text: draft.text,
  authors: JSON.stringify(draft.authors),
  categories: JSON.stringify(draft.categories),
  published: draft.published ?? null,
  language: draft.language ?? null,
  contentHash: draft.contentHash,
  stageVersions: JSON.stringify(draft.stageVersions),
  provenance: JSON.stringify(draft.provenance),
  rawMediaType: draft.rawMediaType,
  raw: draft.raw,
  itemRecord: draft.itemRecord,
  sourceKey: sourceKey(draft.source),
  languageKey: languageKey(draft.language),
});
