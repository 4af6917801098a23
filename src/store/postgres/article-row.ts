import type { Article, ArticleRevision, StageVersions } from '../../core/article.js';
import type { InputFormat, Provenance } from '../../core/raw-item.js';

/** Columns of `articles` callers read (never the tsvector, which only the index needs). */
export const ARTICLE_COLUMNS = `a.seq, a.id, a.identity_key, a.revision, a.format, a.external_id, a.url,
  a.canonical_url, a.source, a.site, a.title, a.text, a.authors, a.categories, a.published, a.language,
  a.content_hash, a.stage_versions, a.provenance, a.raw_media_type, a.ingested_at, a.updated_at`;

/** An `articles` row as the pg driver returns it: jsonb parsed, timestamptz as Date, bigint as string. */
export interface PgArticleRow {
  seq: string;
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
  ingested_at: Date;
  updated_at: Date;
}

export interface PgRevisionRow {
  article_id: string;
  revision: number;
  content_hash: string;
  title: string | null;
  text: string;
  raw: Buffer;
  raw_media_type: string;
  provenance: Provenance;
  ingested_at: Date;
}

const optional = <K extends string>(key: K, value: string | null): Partial<Record<K, string>> =>
  value === null ? {} : ({ [key]: value } as Record<K, string>);

export const articleFromPgRow = (row: PgArticleRow): Article => ({
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
  authors: row.authors,
  categories: row.categories,
  ...optional('published', row.published),
  ...optional('language', row.language),
  contentHash: row.content_hash,
  stageVersions: row.stage_versions,
  provenance: row.provenance,
  rawMediaType: row.raw_media_type,
  ingestedAt: row.ingested_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export const revisionFromPgRow = (row: PgRevisionRow): ArticleRevision => ({
  articleId: row.article_id,
  revision: row.revision,
  contentHash: row.content_hash,
  ...optional('title', row.title),
  text: row.text,
  raw: row.raw.toString('utf8'),
  rawMediaType: row.raw_media_type,
  provenance: row.provenance,
  ingestedAt: row.ingested_at.toISOString(),
});

/** PostgreSQL text and jsonb reject U+0000; it has no meaning in news text, so it becomes U+FFFD. */
export const pgText = (value: string): string =>
  value.includes('\u0000') ? value.replaceAll('\u0000', '\uFFFD') : value;

export const pgOptionalText = (value: string | undefined): string | null =>
  value === undefined ? null : pgText(value);

export const pgJson = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    typeof inner === 'string' ? pgText(inner) : inner,
  );
