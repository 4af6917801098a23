import type { Filter } from '../../search/index.js';

export interface PgFragment {
  readonly sql: string;
  readonly params: unknown[];
}

/**
 * Writes a query-language filter as a PostgreSQL condition on `articles a`, the twin of
 * sqlite/filter-sql.ts. Parameters are numbered from `next`; conditions on missing metadata are
 * false (so their NOT is true), hence coalesce and EXISTS. Text filters carry tsqueries.
 */
export const filterToPostgres = (filter: Filter, params: unknown[]): string => {
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  switch (filter.kind) {
    case 'field':
      switch (filter.field) {
        // `column = v` is false for NULL under NOT too once guarded by IS NOT NULL, and unlike
        // coalesce(column, '') it can use the column's index.
        case 'source':
          return filter.value === ''
            ? `coalesce(a.source_key, '') = ${param(filter.value)}`
            : `(a.source_key IS NOT NULL AND a.source_key = ${param(filter.value)})`;
        case 'lang':
          return filter.value === ''
            ? `coalesce(a.language_key, '') = ${param(filter.value)}`
            : `(a.language_key IS NOT NULL AND a.language_key = ${param(filter.value)})`;
        case 'entity': {
          const value = param(filter.value);
          return `EXISTS (SELECT 1 FROM entity_mentions m WHERE m.article_id = a.id AND (m.name_key = ${value} OR lower(m.entity_id) = ${value}))`;
        }
        case 'type':
          return `EXISTS (SELECT 1 FROM entity_mentions m WHERE m.article_id = a.id AND m.type_key = ${param(filter.value)})`;
        case 'country': {
          const value = param(filter.value);
          return `EXISTS (SELECT 1 FROM article_countries c WHERE c.article_id = a.id AND (c.code_key = ${value} OR c.name_key = ${value}))`;
        }
      }
      break;
    case 'date':
      return `(a.published IS NOT NULL AND a.published COLLATE "C" ${filter.bound === 'after' ? '>=' : '<'} ${param(filter.date)})`;
    case 'text':
      return `a.search_vector @@ ${param(filter.query)}::tsquery`;
    case 'not':
      return `NOT (${filterToPostgres(filter.filter, params)})`;
    case 'and':
    case 'or': {
      if (filter.filters.length === 0) return filter.kind === 'and' ? 'true' : 'false';
      const parts = filter.filters.map((inner) => filterToPostgres(inner, params));
      return `(${parts.join(filter.kind === 'and' ? ' AND ' : ' OR ')})`;
    }
  }
  return 'false';
};
