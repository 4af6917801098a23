import type pg from 'pg';
import type { ArticleDraft, SaveOutcome } from '../../core/article.js';
import { sha256Hex } from '../../core/hash.js';
import { buildPostgresTsvector } from '../../search/index.js';
import { articleIdFor } from '../article-id.js';
import { languageKey, sourceKey } from '../search-keys.js';
import { pgJson, pgOptionalText, pgText } from './article-row.js';

interface CurrentState {
  readonly id: string;
  readonly revision: number;
  readonly contentHash: string;
  readonly rawHash: string;
  /** Already in the table when the batch started (so it is updated, not inserted). */
  readonly stored: boolean;
}

interface RevisionToInsert {
  readonly id: string;
  readonly revision: number;
  readonly rawHash: string;
  readonly draft: ArticleDraft;
}

/** Thrown when another transaction inserted one of our new identities first; the batch is retried. */
export class IdentityRaceError extends Error {
  constructor(count: number) {
    super(`${count} identities were inserted concurrently`);
    this.name = 'IdentityRaceError';
  }
}

/**
 * Saves one batch inside the caller's transaction with a handful of set-based statements.
 * Existing identities are locked (FOR UPDATE, in key order so two workers cannot deadlock on
 * each other's rows); new ones are inserted with ON CONFLICT DO NOTHING, and if another worker won
 * the race for any of them the whole batch is retried, when those rows count as existing.
 * Semantics match the SQLite store: same content hash or same raw hash -> unchanged.
 */
export const saveBatch = async (
  client: pg.PoolClient,
  drafts: readonly ArticleDraft[],
  now: string,
): Promise<SaveOutcome[]> => {
  const inBatchOrder = [...new Set(drafts.map((d) => d.identityKey))];
  const keys = [...inBatchOrder].sort();
  const locked = await client.query<{
    id: string;
    identity_key: string;
    revision: number;
    content_hash: string;
    raw_hash: string;
  }>(
    `SELECT a.id, a.identity_key, a.revision, a.content_hash, r.raw_hash
       FROM articles a JOIN article_revisions r ON r.article_id = a.id AND r.revision = a.revision
      WHERE a.identity_key = ANY($1::text[])
      ORDER BY a.identity_key
        FOR UPDATE OF a`,
    [keys],
  );
  const state = new Map<string, CurrentState>(
    locked.rows.map((row) => [
      row.identity_key,
      {
        id: row.id,
        revision: row.revision,
        contentHash: row.content_hash,
        rawHash: row.raw_hash,
        stored: true,
      },
    ]),
  );

  const revisions: RevisionToInsert[] = [];
  const finalDraft = new Map<string, ArticleDraft>();
  const outcomes = drafts.map((draft): SaveOutcome => {
    const rawHash = sha256Hex(draft.raw);
    const current = state.get(draft.identityKey);
    if (current && (current.contentHash === draft.contentHash || current.rawHash === rawHash)) {
      return {
        identityKey: draft.identityKey,
        id: current.id,
        status: 'unchanged',
        revision: current.revision,
      };
    }
    const id = current?.id ?? articleIdFor(draft.identityKey);
    const revision = (current?.revision ?? 0) + 1;
    state.set(draft.identityKey, {
      id,
      revision,
      contentHash: draft.contentHash,
      rawHash,
      stored: current?.stored ?? false,
    });
    revisions.push({ id, revision, rawHash, draft });
    finalDraft.set(draft.identityKey, draft);
    return { identityKey: draft.identityKey, id, status: current ? 'revised' : 'added', revision };
  });

  const toInsert: [CurrentState, ArticleDraft][] = [];
  const toUpdate: [CurrentState, ArticleDraft][] = [];
  // New rows go in batch order so `seq` (list and stream order) matches SQLite's ingest order.
  for (const key of inBatchOrder) {
    const draft = finalDraft.get(key);
    const current = state.get(key);
    if (!draft || !current) continue;
    (current.stored ? toUpdate : toInsert).push([current, draft]);
  }
  toUpdate.sort(([, a], [, b]) => (a.identityKey < b.identityKey ? -1 : 1));
  if (toInsert.length > 0) {
    // No conflict target: a racing writer's row can collide on `id` (derived from the identity key)
    // before `identity_key` is checked, and either collision is the same race, retried as one.
    const inserted = await client.query(
      `INSERT INTO articles (id, identity_key, revision, format, external_id, url, canonical_url, source,
         site, title, text, authors, categories, published, language, content_hash, stage_versions,
         provenance, raw_media_type, search_vector, source_key, language_key, ingested_at, updated_at)
       SELECT u.*, $23::timestamptz, $23::timestamptz
         FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[],
           $8::text[], $9::text[], $10::text[], $11::text[], $12::jsonb[], $13::jsonb[], $14::text[],
           $15::text[], $16::text[], $17::jsonb[], $18::jsonb[], $19::text[], $20::tsvector[], $21::text[],
           $22::text[]) AS u
       ON CONFLICT DO NOTHING`,
      [...articleColumns(toInsert), now],
    );
    if ((inserted.rowCount ?? 0) < toInsert.length) {
      throw new IdentityRaceError(toInsert.length - (inserted.rowCount ?? 0));
    }
  }
  if (toUpdate.length > 0) {
    await client.query(
      `UPDATE articles a SET revision = u.revision, format = u.format, external_id = u.external_id,
         url = u.url, canonical_url = u.canonical_url, source = u.source, site = u.site, title = u.title,
         text = u.text, authors = u.authors, categories = u.categories, published = u.published,
         language = u.language, content_hash = u.content_hash, stage_versions = u.stage_versions,
         provenance = u.provenance, raw_media_type = u.raw_media_type, search_vector = u.search_vector,
         source_key = u.source_key, language_key = u.language_key, updated_at = $23::timestamptz
         FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[],
           $8::text[], $9::text[], $10::text[], $11::text[], $12::jsonb[], $13::jsonb[], $14::text[],
           $15::text[], $16::text[], $17::jsonb[], $18::jsonb[], $19::text[], $20::tsvector[], $21::text[],
           $22::text[])
           AS u (id, identity_key, revision, format, external_id, url, canonical_url, source, site, title,
             text, authors, categories, published, language, content_hash, stage_versions, provenance,
             raw_media_type, search_vector, source_key, language_key)
        WHERE a.id = u.id`,
      [...articleColumns(toUpdate), now],
    );
  }
  if (revisions.length > 0) {
    await client.query(
      `INSERT INTO article_revisions (article_id, revision, content_hash, raw_hash, title, text, raw,
         item_record, raw_media_type, provenance, ingested_at)
       SELECT u.*, $11::timestamptz
         FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bytea[],
           $8::text[], $9::text[], $10::jsonb[]) AS u`,
      [
        revisions.map((r) => r.id),
        revisions.map((r) => r.revision),
        revisions.map((r) => r.draft.contentHash),
        revisions.map((r) => r.rawHash),
        revisions.map((r) => pgOptionalText(r.draft.title)),
        revisions.map((r) => pgText(r.draft.text)),
        revisions.map((r) => Buffer.from(r.draft.raw, 'utf8')),
        revisions.map((r) => pgText(r.draft.itemRecord)),
        revisions.map((r) => r.draft.rawMediaType),
        revisions.map((r) => pgJson(r.draft.provenance)),
        now,
      ],
    );
  }
  return outcomes;
};

const articleColumns = (rows: readonly [CurrentState, ArticleDraft][]): unknown[] => {
  const column = <T>(pick: (state: CurrentState, draft: ArticleDraft) => T): T[] =>
    rows.map(([state, draft]) => pick(state, draft));
  return [
    column((s) => s.id),
    column((_s, d) => d.identityKey),
    column((s) => s.revision),
    column((_s, d) => d.format),
    column((_s, d) => pgOptionalText(d.externalId)),
    column((_s, d) => pgOptionalText(d.url)),
    column((_s, d) => pgOptionalText(d.canonicalUrl)),
    column((_s, d) => pgOptionalText(d.source)),
    column((_s, d) => pgOptionalText(d.site)),
    column((_s, d) => pgOptionalText(d.title)),
    column((_s, d) => pgText(d.text)),
    column((_s, d) => pgJson(d.authors)),
    column((_s, d) => pgJson(d.categories)),
    column((_s, d) => pgOptionalText(d.published)),
    column((_s, d) => pgOptionalText(d.language)),
    column((_s, d) => d.contentHash),
    column((_s, d) => pgJson(d.stageVersions)),
    column((_s, d) => pgJson(d.provenance)),
    column((_s, d) => d.rawMediaType),
    column((_s, d) => searchVectorFor(d.title, d.text)),
    column((_s, d) => sourceKey(d.source)),
    column((_s, d) => languageKey(d.language)),
  ];
};

/** The tsvector literal of an article, from the same (NUL-free) text PostgreSQL stores. */
export const searchVectorFor = (title: string | undefined, text: string): string =>
  buildPostgresTsvector({
    ...(title !== undefined ? { title: pgText(title) } : {}),
    text: pgText(text),
  });
