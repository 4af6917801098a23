import type { FigureRecord, QuoteRecord, RelationRecord } from '../core/enrichment.js';
import { decodeOffsetCursor, encodeOffsetCursor } from './cursor.js';
import {
  FIGURES,
  QUOTES,
  RELATIONS,
  type CellValue,
  type FactRow,
  type FactTable,
} from './fact-rows.js';
import type {
  CooccurringEntity,
  EntityListOptions,
  EntitySummary,
  Fact,
  FactListOptions,
  Page,
} from './port.js';

/**
 * What a backend lends the entity and fact queries: a way to run SQL written with `?` placeholders,
 * and the collation that makes text sort by code point (so ties break the same way on both).
 */
export interface SqlRunner {
  readonly all: (sql: string, params: readonly CellValue[]) => Promise<FactRow[]>;
  /** '' for SQLite (BINARY is its default), ' COLLATE "C"' for PostgreSQL. */
  readonly binary: string;
}

/** Escapes LIKE wildcards so a name prefix matches literally. */
const likePrefix = (prefix: string): string =>
  `${prefix.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const placeholders = (count: number): string => Array.from({ length: count }, () => '?').join(', ');

/**
 * The read side of entities, figures, quotes and relations, written once in the SQL both SQLite and
 * PostgreSQL accept, so the two backends return the same items in the same order.
 */
export class FactQueries {
  constructor(private readonly sql: SqlRunner) {}

  async listEntities(options: EntityListOptions): Promise<EntitySummary[]> {
    const where: string[] = [];
    const params: CellValue[] = [];
    if (options.type !== undefined) {
      where.push('type_key = ?');
      params.push(options.type.toLowerCase());
    }
    if (options.namePrefix !== undefined && options.namePrefix !== '') {
      where.push("name_key LIKE ? ESCAPE '\\'");
      params.push(likePrefix(options.namePrefix));
    }
    const filter =
      where.length === 0
        ? ''
        : `WHERE s.entity_id IN (SELECT entity_id FROM entity_names WHERE ${where.join(' AND ')})`;
    return this.summaries(filter, params, options.limit);
  }

  async getEntity(idOrName: string): Promise<EntitySummary | undefined> {
    const [byId] = await this.summaries('WHERE s.entity_id = ?', [idOrName], 1);
    if (byId) return byId;
    // Several entities can share a name (two local ids); the most-mentioned one wins.
    const [named] = await this.sql.all(
      `SELECT entity_id, count(DISTINCT article_id) AS article_count FROM entity_mentions
        WHERE name_key = ? GROUP BY entity_id
        ORDER BY article_count DESC, entity_id${this.sql.binary} LIMIT 1`,
      [idOrName.toLowerCase()],
    );
    if (!named) return undefined;
    const [byName] = await this.summaries('WHERE s.entity_id = ?', [String(named['entity_id'])], 1);
    return byName;
  }

  async entityTimeline(entityId: string): Promise<{ month: string; articles: number }[]> {
    const rows = await this.sql.all(
      `SELECT month, articles FROM entity_months WHERE entity_id = ? ORDER BY month${this.sql.binary}`,
      [entityId],
    );
    return rows.map((row) => ({ month: String(row['month']), articles: Number(row['articles']) }));
  }

  async listCooccurringEntities(entityId: string, limit: number): Promise<CooccurringEntity[]> {
    const rows = await this.sql.all(
      // entity_articles holds each (entity, article) once: a self-join counts shared articles.
      `SELECT o.entity_id, count(*) AS together
         FROM entity_articles m JOIN entity_articles o ON o.article_id = m.article_id
        WHERE m.entity_id = ? AND o.entity_id <> ?
        GROUP BY o.entity_id
        ORDER BY together DESC, o.entity_id${this.sql.binary} LIMIT ?`,
      [entityId, entityId, limit],
    );
    const names = await this.namesOf(rows.map((row) => String(row['entity_id'])));
    return rows.map((row) => {
      const id = String(row['entity_id']);
      const label = names.get(id) ?? { name: id, type: '' };
      return { id, ...label, together: Number(row['together']) };
    });
  }

  async listFigures(
    options: FactListOptions & { kind?: string; unit?: string },
  ): Promise<Page<Fact<FigureRecord>>> {
    const where: string[] = [];
    const params: CellValue[] = [];
    let broad = true;
    if (options.entityId !== undefined) {
      const mentioned = await this.mentionedFilter(options.entityId);
      where.push(`(${mentioned.sql} OR f.entity_id = ?)`);
      params.push(options.entityId, options.entityId);
      broad = mentioned.walk;
    }
    if (options.kind !== undefined) {
      where.push('f.kind_key = ?');
      params.push(options.kind.toLowerCase());
    }
    if (options.unit !== undefined) {
      where.push('f.unit_key = ?');
      params.push(options.unit.toLowerCase());
    }
    return this.facts(FIGURES, where, params, options, broad);
  }

  async listQuotes(
    options: FactListOptions & { speakerId?: string },
  ): Promise<Page<Fact<QuoteRecord>>> {
    const where: string[] = [];
    const params: CellValue[] = [];
    let broad = options.speakerId === undefined;
    if (options.entityId !== undefined) {
      const mentioned = await this.mentionedFilter(options.entityId);
      where.push(mentioned.sql);
      params.push(options.entityId);
      broad &&= mentioned.walk;
    }
    if (options.speakerId !== undefined) {
      where.push('f.speaker_id = ?');
      params.push(options.speakerId);
    }
    return this.facts(QUOTES, where, params, options, broad);
  }

  /**
   * Facts in articles mentioning an entity, found one of two ways: for an entity in a large share of
   * the archive, walk articles newest first and test each (a page fills within a few hundred
   * articles); for any other, start from its own articles (the entity_articles rows, however few)
   * and sort what they hold. Walking for a rare entity, or starting from a common one's articles,
   * reads a large part of the archive (about 0.1-0.2 s at 100k articles).
   */
  private async mentionedFilter(entityId: string): Promise<{ sql: string; walk: boolean }> {
    const [row] = await this.sql.all(
      `SELECT (SELECT articles FROM entity_stats WHERE entity_id = ?) AS mine,
              (SELECT sum(n) FROM article_counts WHERE dimension = 'articles') AS total`,
      [entityId],
    );
    const walk = Number(row?.['mine'] ?? 0) * WALK_SHARE >= Number(row?.['total'] ?? 0);
    return walk ? { sql: MENTIONED_TESTED, walk } : { sql: MENTIONED, walk };
  }

  listRelations(
    options: FactListOptions & { predicate?: string },
  ): Promise<Page<Fact<RelationRecord>>> {
    const where: string[] = [];
    const params: CellValue[] = [];
    if (options.entityId !== undefined) {
      where.push('(f.subject_id = ? OR f.object_id = ?)');
      params.push(options.entityId, options.entityId);
    }
    if (options.predicate !== undefined) {
      where.push('f.predicate = ?');
      params.push(options.predicate);
    }
    return this.facts(
      RELATIONS,
      where,
      params,
      options,
      options.entityId === undefined && options.predicate === undefined,
    );
  }

  /** Newest article first (publication date, then ingest order), then in text order within it. */
  private async facts<R>(
    table: FactTable<R>,
    where: string[],
    params: CellValue[],
    options: FactListOptions,
    broad: boolean,
  ): Promise<Page<Fact<R>>> {
    // A broad filter (none, kind, unit, articles mentioning an entity) matches facts in many articles:
    // walking articles newest first (CROSS JOIN fixes that order in SQLite) stops after one page
    // instead of sorting every fact. A narrow filter (speaker, one entity's relations) starts from
    // its index. PostgreSQL plans both forms alike.
    const from =
      broad && options.articleId === undefined
        ? `articles a CROSS JOIN ${table.table} f`
        : `${table.table} f JOIN articles a ON a.id = f.article_id`;
    if (broad && options.articleId === undefined) where.push('f.article_id = a.id');
    if (options.articleId !== undefined) {
      where.push('f.article_id = ?');
      params.push(options.articleId);
    }
    const offset = options.cursor ? decodeOffsetCursor(options.cursor) : 0;
    const rows = await this.sql.all(
      `SELECT f.*, a.title AS article_title, a.published AS article_published,
              a.source AS article_source
         FROM ${from}
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY (a.published IS NULL), a.published${this.sql.binary} DESC, a.seq DESC,
                 f.start_offset, f.ordinal
        LIMIT ? OFFSET ?`,
      [...params, options.limit + 1, offset],
    );
    const items = rows.slice(0, options.limit).map((row) => ({
      ...table.fromRow(row),
      articleId: String(row['article_id']),
      ...optionalText('articleTitle', row['article_title']),
      ...optionalText('published', row['article_published']),
      ...optionalText('source', row['article_source']),
    }));
    return {
      items,
      ...(rows.length > options.limit
        ? { nextCursor: encodeOffsetCursor(offset + options.limit) }
        : {}),
    };
  }

  private async summaries(
    filter: string,
    params: CellValue[],
    limit: number,
  ): Promise<EntitySummary[]> {
    // The write-time aggregates (entity-stats.ts): the ranking is an index walk, and each entity's
    // first and last publication dates are two seeks in its (entity, published) index.
    const rows = await this.sql.all(
      `SELECT s.entity_id, s.articles, s.mentions,
              (SELECT min(x.published${this.sql.binary}) FROM entity_articles x
                WHERE x.entity_id = s.entity_id) AS first_seen,
              (SELECT max(x.published${this.sql.binary}) FROM entity_articles x
                WHERE x.entity_id = s.entity_id) AS last_seen
         FROM entity_stats s
        ${filter}
        ORDER BY s.articles DESC, s.mentions DESC, s.entity_id${this.sql.binary}
        LIMIT ?`,
      [...params, limit],
    );
    const names = await this.namesOf(rows.map((row) => String(row['entity_id'])));
    return rows.map((row) => {
      const id = String(row['entity_id']);
      const label = names.get(id) ?? { name: id, type: '' };
      return {
        id,
        ...label,
        articles: Number(row['articles']),
        mentions: Number(row['mentions']),
        ...optionalText('firstSeen', row['first_seen']),
        ...optionalText('lastSeen', row['last_seen']),
      };
    });
  }

  /** Each entity's most frequent name and type (ties: the smaller string), as mentions gave them. */
  private async namesOf(
    ids: readonly string[],
  ): Promise<Map<string, { name: string; type: string }>> {
    const best = new Map<string, { name: string; type: string; n: number }>();
    if (ids.length === 0) return new Map();
    const rows = await this.sql.all(
      `SELECT entity_id, name, type, mentions AS n FROM entity_names
        WHERE entity_id IN (${placeholders(ids.length)})`,
      ids,
    );
    for (const row of rows) {
      const id = String(row['entity_id']);
      const candidate = {
        name: String(row['name']),
        type: String(row['type']),
        n: Number(row['n']),
      };
      const current = best.get(id);
      if (
        !current ||
        candidate.n > current.n ||
        (candidate.n === current.n && isSmaller(candidate, current))
      ) {
        best.set(id, candidate);
      }
    }
    return new Map([...best].map(([id, { name, type }]) => [id, { name, type }]));
  }
}

/** An entity mentioned in at least 1 / WALK_SHARE of the articles has its facts found by walking. */
const WALK_SHARE = 20;

/** Tests the walked article `a` for a mention of the entity (one `?`: the entity id). */
const MENTIONED_TESTED =
  'EXISTS (SELECT 1 FROM entity_articles e WHERE e.entity_id = ? AND e.article_id = a.id)';

/** Restricts facts to articles that mention an entity (one `?`: the entity id). */
const MENTIONED = 'f.article_id IN (SELECT article_id FROM entity_articles WHERE entity_id = ?)';

const isSmaller = (a: { name: string; type: string }, b: { name: string; type: string }): boolean =>
  a.name < b.name || (a.name === b.name && a.type < b.type);

const optionalText = <K extends string>(key: K, value: CellValue | undefined) =>
  value === null || value === undefined ? {} : ({ [key]: String(value) } as Record<K, string>);
