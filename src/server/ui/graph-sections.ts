import type { Child } from 'hono/jsx';
import type { ArticleStore } from '../../store/port.js';

/**
 * The Graph page's sections (tabs). Each feature adds one: the relation network lives here; the
 * claim ledger and the dependency graph register "Claims" and "Exposure" the same way, from their
 * own files, with one `addGraphSection(...)` line next to their route registration.
 */
export interface GraphSectionContext {
  readonly store: ArticleStore;
  /** The page's query parameters (each section reads its own filters). */
  readonly params: URLSearchParams;
}

export interface GraphSection {
  /** The `view=` value in the page's URL. */
  readonly id: string;
  readonly label: string;
  /** Extra client bundles the section needs (e.g. 'graph' for the network renderer). */
  readonly bundles?: readonly string[];
  render(context: GraphSectionContext): Promise<Child>;
}

const sections: GraphSection[] = [];

export const addGraphSection = (section: GraphSection): void => {
  const at = sections.findIndex((s) => s.id === section.id);
  if (at >= 0) sections[at] = section;
  else sections.push(section);
};

export const graphSections = (): readonly GraphSection[] => sections;
