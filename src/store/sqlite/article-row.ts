import type { Article, ArticleDraft, ArticleRevision } from '../../core/article.js';
import type { ApiTokenRecord } from '../port.js';
import { languageKey, sourceKey } from '../search-keys.js';
import type { InputFormat, Provenance } from '../../core/raw-item.js';

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

const optional = <K extends string>(key: K, value: string | null): Partial<Record<K, string>> =>
  value === null ? {} : ({ [key]: value } as Record<K, string>);

export const articleFromRow = (row: ArticleRow): Article => ({
  id: row.id,
  identityKey: row.identity_key,
  revision: row.revision,
  format: row.format as InputFormat,
  ...optional('externalId', row.external_id),
  ...optional('url', row.url),
  ...optional('canonicalUrl', row.canonical_url),
  ...optional('source', row.source),
  ...optional('site', row.site),
  ...optional('title', row.title),
  text: row.text,
  authors: JSON.parse(row.authors) as string[],
  categories: JSON.parse(row.categories) as string[],
  ...optional('published', row.published),
  ...optional('language', row.language),
  contentHash: row.content_hash,
  stageVersions: JSON.parse(row.stage_versions) as Record<string, string>,
  provenance: JSON.parse(row.provenance) as Provenance,
  rawMediaType: row.raw_media_type,
  ingestedAt: row.ingested_at,
  updatedAt: row.updated_at,
});

export interface TokenRow {
  name: string;
  token_hash: string;
  scopes: string;
  created_at: string;
}

export const tokenFromRow = (row: TokenRow): ApiTokenRecord => ({
  name: row.name,
  tokenHash: row.token_hash,
  scopes: JSON.parse(row.scopes) as string[],
  createdAt: row.created_at,
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
