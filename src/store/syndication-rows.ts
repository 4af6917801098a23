import type { ArticleFingerprint } from '../dedup/article-fingerprint.js';
import type { IndexedCandidate } from '../dedup/near-duplicate-index.js';
import { uint32sOf } from './uint32-bytes.js';
import type {
  SyndicationDecision,
  SyndicationReason,
  SyndicationStatus,
} from '../dedup/syndication-decision.js';

/**
 * Rows of the near-duplicate tables as both backends read them, and their mapping to the stage's
 * records. Integer arrays are stored as little-endian uint32 bytes in both (BLOB, bytea), so
 * `sitrep migrate` copies them unchanged; `reasons` is decoded by the backend (JSON text, jsonb).
 */
export interface FingerprintRow {
  article_id: string;
  source: string | null;
  published: string | null;
  text_hash: string;
  url_hash: string | null;
  title_hash: string | null;
  words: Buffer;
  paragraph_starts: Buffer;
  figures: Buffer;
  signature: Buffer;
}

/** The columns of FingerprintRow, as both backends select them (optionally of a table alias). */
export const fingerprintColumns = (alias?: string): string =>
  [
    'article_id',
    'source',
    'published',
    'text_hash',
    'url_hash',
    'title_hash',
    'words',
    'paragraph_starts',
    'figures',
    'signature',
  ]
    .map((column) => (alias === undefined ? column : `${alias}.${column}`))
    .join(', ');

export interface DecisionRow {
  article_id: string;
  status: string;
  canonical_id: string | null;
  similarity: number;
  version: string;
}

export const toFingerprint = (row: FingerprintRow): ArticleFingerprint => ({
  articleId: row.article_id,
  ...(row.source === null ? {} : { source: row.source }),
  ...(row.published === null ? {} : { published: row.published }),
  textHash: row.text_hash,
  ...(row.url_hash === null ? {} : { urlHash: row.url_hash }),
  ...(row.title_hash === null ? {} : { titleHash: row.title_hash }),
  words: uint32sOf(row.words),
  paragraphStarts: uint32sOf(row.paragraph_starts),
  figures: uint32sOf(row.figures),
  signature: uint32sOf(row.signature),
});

/** Candidate rows (a fingerprint row with its decision's canonical_id) keyed by article id. */
export const candidatesOf = (
  rows: readonly (FingerprintRow & { canonical_id: string | null })[],
): Map<string, IndexedCandidate> =>
  new Map(
    rows.map((row) => [
      row.article_id,
      {
        fingerprint: toFingerprint(row),
        ...(row.canonical_id === null ? {} : { copyOf: row.canonical_id }),
      },
    ]),
  );

export const toDecision = (
  row: DecisionRow,
  reasons: readonly SyndicationReason[],
): SyndicationDecision => ({
  articleId: row.article_id,
  status: row.status as SyndicationStatus,
  ...(row.canonical_id === null ? {} : { of: row.canonical_id }),
  similarity: row.similarity,
  reasons,
  version: row.version,
});
