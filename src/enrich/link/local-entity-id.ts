import type { EntityType } from '../../kb/kb-types.js';

/**
 * Ids for entities the KB does not know. They depend only on type and normalised name, so the same
 * person named in two articles gets the same id and can be counted together.
 */
export const localEntityId = (type: EntityType, name: string): string => {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `local:${type.toLowerCase()}:${slug || 'unnamed'}`;
};
