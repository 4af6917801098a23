import type { Article, ArticleRevision } from '../../core/article.js';
import type { Provenance } from '../../core/raw-item.js';
import { articleFromColumns, optionalField } from '../article-columns.js';
import type { DecodedArticleColumns } from '../article-columns.js';

/** Columns of `articles` callers read (never the tsvector, which only the index needs). */
export const ARTICLE_COLUMNS = `a.seq, a.id, a.identity_key, a.revision, a.format, a.external_id, a.url,
  a.canonical_url, a.source, a.site, a.title, a.text, a.authors, a.categories, a.published, a.language,
  a.content_hash, a.stage_versions, a.provenance, a.raw_media_type, a.ingested_at, a.updated_at`;

/** An `articles` row as the pg driver returns it: jsonb parsed, timestamptz as Date, bigint as string. */
export type PgArticleRow = Omit<DecodedArticleColumns, 'ingested_at' | 'updated_at'> & {
  seq: string;
  ingested_at: Date;
  updated_at: Date;
};

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

export const articleFromPgRow = (row: PgArticleRow): Article =>
  articleFromColumns({
    ...row,
    ingested_at: row.ingested_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  });

export const revisionFromPgRow = (row: PgRevisionRow): ArticleRevision => ({
  articleId: row.article_id,
  revision: row.revision,
  contentHash: row.content_hash,
  ...optionalField('title', row.title),
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
