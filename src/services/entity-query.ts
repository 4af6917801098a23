import { AppError } from '../core/errors.js';
import { parseQuery, type QueryAst } from '../search/index.js';

/** The search query that finds an entity's articles (ids may hold ':' so they are quoted). */
export const entitySearchQuery = (entityId: string): string =>
  `entity:"${entityId.replace(/"/g, '')}"`;

export const parseEntityQuery = (entityId: string): QueryAst => {
  const parsed = parseQuery(entitySearchQuery(entityId));
  // The query is built here from a quoted id, so a parse failure is a bug, not bad input.
  if (!parsed.ok)
    throw new AppError('INTERNAL', `entity query did not parse: ${parsed.error.message}`);
  return parsed.value;
};
