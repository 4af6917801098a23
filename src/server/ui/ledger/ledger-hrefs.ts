/** Addresses of the ledger's pages and exports, built with URLSearchParams (always encoded). */
const withParams = (path: string, params: Record<string, string | boolean | undefined>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value === true) search.set(key, '1');
    else if (typeof value === 'string' && value) search.set(key, value);
  const query = search.toString();
  return query ? `${path}?${query}` : path;
};

export interface ClaimsLink {
  readonly entity?: string;
  readonly conflicts?: boolean;
  readonly cursor?: string;
}

export const claimsHref = (link: ClaimsLink = {}): string => withParams('/claims', { ...link });
export const claimsApiHref = (link: ClaimsLink & { format: 'csv' | 'jsonl' | 'json' }): string =>
  withParams('/api/claims', {
    entity: link.entity,
    conflicts: link.conflicts,
    format: link.format,
  });
export const exposureHref = (country: string, supplier?: string): string =>
  withParams('/exposure', { country, supplier });

export interface DependencyLink {
  readonly node?: string;
  readonly capability?: string;
  readonly status?: string;
  readonly from?: string;
  readonly to?: string;
}
export const dependenciesHref = (link: DependencyLink): string =>
  withParams('/graph', { view: 'dependencies', ...link });
export const graphApiHref = (link: DependencyLink, format: 'gexf' | 'graphml' | 'json'): string =>
  withParams('/api/graph', { ...link, format });
