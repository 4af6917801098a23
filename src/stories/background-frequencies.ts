import { BACKGROUND_DOCUMENTS, BACKGROUND_TERMS } from './background-terms.js';

/**
 * A prior for the document frequencies a store learns: how common each story term is in general
 * news (background-terms.ts, built by scripts/build-story-background.ts). A young store has seen
 * too few articles to tell an event's name from a word every article uses; with the prior, "said
 * more today" weighs little from the first article on, and a store's own counts take over as it
 * grows. Entity terms (\u00a7...) are not in the background: they keep the store's own ratio.
 */

let table: Map<string, number> | undefined;

const background = (): Map<string, number> => {
  if (table) return table;
  table = new Map();
  for (const line of BACKGROUND_TERMS.split('\n')) {
    const [frequency = '0', ...terms] = line.split(' ');
    for (const term of terms) table.set(term, Number(frequency));
  }
  return table;
};

const ENTITY_PREFIX = '\u00a7';

/**
 * Documents and document frequency of `term` with the prior added as `weight` pseudo-documents
 * (0: the store's own counts). A term the background lacks counts as rare there (it was seen in
 * fewer than 3 of its headlines); an entity term keeps the store's own share.
 */
export const withBackground = (
  documents: number,
  frequency: number,
  term: string,
  weight: number,
): { documents: number; frequency: number } => {
  if (weight <= 0) return { documents, frequency };
  const share = term.startsWith(ENTITY_PREFIX)
    ? documents > 0
      ? frequency / documents
      : 0
    : (background().get(term) ?? 0) / BACKGROUND_DOCUMENTS;
  return { documents: documents + weight, frequency: frequency + weight * share };
};
