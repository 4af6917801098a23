import type { Article, StageVersions } from '../core/article.js';
import type { InputFormat, Provenance } from '../core/raw-item.js';

/** `{key: value}` when a nullable column holds a value, `{}` when it is NULL (optional fields stay absent). */
export const optionalField = <K extends string>(
  key: K,
  value: string | null,
): Partial<Record<K, string>> => (value === null ? {} : ({ [key]: value } as Record<K, string>));

/**
 * An `articles` row after each backend decoded its own column types (SQLite JSON text, PostgreSQL
 * jsonb and timestamptz): the one mapping to `Article` both backends share.
 */
export interface DecodedArticleColumns {
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
  authors: string[];
  categories: string[];
  published: string | null;
  language: string | null;
  content_hash: string;
  stage_versions: StageVersions;
  provenance: Provenance;
  raw_media_type: string;
  ingested_at: string;
  updated_at: string;
}

export const articleFromColumns = (row: DecodedArticleColumns): Article => ({
  id: row.id,
  identityKey: row.identity_key,
  revision: row.revision,
  format: row.format as InputFormat,
  ...optionalField('externalId', row.external_id),
  ...optionalField('url', row.url),
  ...optionalField('canonicalUrl', row.canonical_url),
  ...optionalField('source', row.source),
  ...optionalField('site', row.site),
  ...optionalField('title', row.title),
  text: row.text,
  authors: row.authors,
  categories: row.categories,
  ...optionalField('published', row.published),
  ...optionalField('language', row.language),
  contentHash: row.content_hash,
  stageVersions: row.stage_versions,
  provenance: row.provenance,
  rawMediaType: row.raw_media_type,
  ingestedAt: row.ingested_at,
  updatedAt: row.updated_at,
});
