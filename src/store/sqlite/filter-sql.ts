import type { Filter } from '../../search/index.js';

export interface SqlFragment {
  readonly sql: string;
  readonly params: unknown[];
}

/**
 * `column = value`, false when the column is NULL (so its NOT is true). Unlike
 * `coalesce(column, '') = ?`, this form lets SQLite use the column's index.
 */
const keyEquals = (column: string, value: string): SqlFragment =>
  value === ''
    ? { sql: `coalesce(${column}, '') = ?`, params: [value] }
    : { sql: `(${column} IS NOT NULL AND ${column} = ?)`, params: [value] };

/**
 * How a filter on a joined table is tested. `probe` (EXISTS per article) suits a few hundred
 * candidates from a text match; `set` suits a scan of the archive in date order (queries without
 * words): the matching article ids are collected once from the filter's own index, and the unary
 * `+` keeps SQLite walking the date index rather than sorting every matching article.
 */
export type JoinedFilterMode = 'probe' | 'set';

/**
 * Writes a query-language filter as an SQLite condition on `articles a`. Conditions on missing
 * metadata are false (so their NOT is true), as the language defines: hence coalesce and EXISTS
 * (or IN over a NOT NULL column) rather than plain comparisons that NULL would swallow under NOT.
 */
export const filterToSqlite = (filter: Filter, mode: JoinedFilterMode = 'probe'): SqlFragment => {
  switch (filter.kind) {
    case 'field':
      switch (filter.field) {
        case 'source':
          return keyEquals('a.source_key', filter.value);
        case 'lang':
          return keyEquals('a.language_key', filter.value);
        case 'entity':
          return {
            sql: `EXISTS (SELECT 1 FROM entity_mentions m WHERE m.article_id = a.id AND (m.name_key = ? OR lower(m.entity_id) = ?))`,
            params: [filter.value, filter.value],
          };
        case 'type':
          return {
            sql: `EXISTS (SELECT 1 FROM entity_mentions m WHERE m.article_id = a.id AND m.type_key = ?)`,
            params: [filter.value],
          };
        case 'country':
          if (mode === 'set')
            return {
              sql: `+a.id IN (SELECT c.article_id FROM article_countries c WHERE c.code_key = ?
                     UNION ALL SELECT c.article_id FROM article_countries c WHERE c.name_key = ?)`,
              params: [filter.value, filter.value],
            };
          return {
            sql: `EXISTS (SELECT 1 FROM article_countries c WHERE c.article_id = a.id AND (c.code_key = ? OR c.name_key = ?))`,
            params: [filter.value, filter.value],
          };
      }
      break;
    case 'date':
      return {
        sql: `(a.published IS NOT NULL AND a.published ${filter.bound === 'after' ? '>=' : '<'} ?)`,
        params: [filter.date],
      };
    case 'text':
      return {
        sql: `a.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)`,
        params: [filter.query],
      };
    case 'not': {
      const inner = filterToSqlite(filter.filter, mode);
      return { sql: `NOT (${inner.sql})`, params: inner.params };
    }
    case 'and':
    case 'or': {
      if (filter.filters.length === 0)
        return { sql: filter.kind === 'and' ? '1' : '0', params: [] };
      const parts = filter.filters.map((inner) => filterToSqlite(inner, mode));
      return {
        sql: `(${parts.map((p) => p.sql).join(filter.kind === 'and' ? ' AND ' : ' OR ')})`,
        params: parts.flatMap((p) => p.params),
      };
    }
  }
  return { sql: '0', params: [] };
};
