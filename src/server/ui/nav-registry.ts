/**
 * The main navigation. Features that bring their own pages (sources, watchlists, alerts) add an
 * entry here next to their route registration; only pages that exist are ever linked.
 */
export interface NavEntry {
  readonly href: string;
  readonly label: string;
  /** Path prefixes that mark this entry as the current page. */
  readonly matches: readonly string[];
}

const entries: NavEntry[] = [
  { href: '/', label: 'Overview', matches: ['/'] },
  { href: '/search', label: 'Search', matches: ['/search', '/articles/'] },
  { href: '/stories', label: 'Stories', matches: ['/stories'] },
  { href: '/entities', label: 'Entities', matches: ['/entities'] },
  { href: '/graph', label: 'Graph', matches: ['/graph'] },
];

export const navEntries = (): readonly NavEntry[] => entries;

/** Adds a page to the navigation (once per href), e.g. `addNavEntry({ href: '/sources', ... })`. */
export const addNavEntry = (entry: NavEntry): void => {
  if (!entries.some((e) => e.href === entry.href)) entries.push(entry);
};

export const isCurrent = (entry: NavEntry, path: string): boolean =>
  entry.matches.some((m) => (m === '/' ? path === '/' : path.startsWith(m)));
