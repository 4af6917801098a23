import type { DateNode, FieldNode, QueryAst, QueryNode, TextNode } from './query-ast.js';
import { tokenTexts } from './tokenize.js';

/** What the reference evaluator needs of an article. */
export interface SearchDocument {
  readonly title?: string;
  readonly text: string;
  readonly source?: string;
  /** ISO 639-1 code. */
  readonly lang?: string;
  /** ISO 8601 timestamp. */
  readonly published?: string;
  readonly entities?: readonly {
    readonly name: string;
    readonly type: string;
    readonly id?: string;
  }[];
  /** ISO 3166-1 alpha-2 codes of the countries the article concerns. */
  readonly countries?: readonly string[];
}

interface Prepared {
  readonly doc: SearchDocument;
  readonly title: readonly string[];
  readonly text: readonly string[];
}

const matchesAt = (tokens: readonly string[], at: number, node: TextNode): boolean =>
  node.tokens.every((wanted, i) => {
    const got = tokens[at + i];
    if (got === undefined) return false;
    return node.prefix && i === node.tokens.length - 1 ? got.startsWith(wanted) : got === wanted;
  });

// Like FTS5 columns, title and text are separate: a phrase never runs from one into the other.
const columnMatches = (tokens: readonly string[], node: TextNode): boolean => {
  for (let at = 0; at + node.tokens.length <= tokens.length; at++)
    if (matchesAt(tokens, at, node)) return true;
  return false;
};

const textMatches = (prepared: Prepared, node: TextNode): boolean =>
  columnMatches(prepared.title, node) ||
  (node.field !== 'title' && columnMatches(prepared.text, node));

const same = (a: string | undefined, b: string): boolean =>
  a !== undefined && a.toLowerCase() === b;

const fieldMatches = ({ doc }: Prepared, node: FieldNode): boolean => {
  switch (node.field) {
    case 'source':
      return same(doc.source, node.value);
    case 'lang':
      return same(doc.lang, node.value);
    case 'entity':
      return (doc.entities ?? []).some(
        (entity) => same(entity.name, node.value) || same(entity.id, node.value),
      );
    case 'type':
      return (doc.entities ?? []).some((entity) => same(entity.type, node.value));
    case 'country':
      return (doc.countries ?? []).some((country) => same(country, node.value));
  }
};

const dateMatches = ({ doc }: Prepared, node: DateNode): boolean => {
  if (doc.published === undefined) return false;
  const published = Date.parse(doc.published);
  const bound = Date.parse(`${node.date}T00:00:00Z`);
  if (Number.isNaN(published)) return false;
  return node.bound === 'after' ? published >= bound : published < bound;
};

const evaluate = (node: QueryNode, prepared: Prepared): boolean => {
  switch (node.kind) {
    case 'text':
      return textMatches(prepared, node);
    case 'field':
      return fieldMatches(prepared, node);
    case 'date':
      return dateMatches(prepared, node);
    case 'and':
      return node.children.every((child) => evaluate(child, prepared));
    case 'or':
      return node.children.some((child) => evaluate(child, prepared));
    case 'not':
      return !evaluate(node.child, prepared);
  }
};

/**
 * Whether a document matches a query, by the language's definition; the oracle the store
 * backends are tested against, and usable for filtering a handful of documents in memory.
 * A condition on a missing value is false (so its NOT is true).
 */
export const evaluateAst = (ast: QueryAst, doc: SearchDocument): boolean => {
  if (ast.kind === 'all') return true;
  return evaluate(ast, { doc, title: tokenTexts(doc.title ?? ''), text: tokenTexts(doc.text) });
};
