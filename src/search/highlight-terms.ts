import type { QueryAst, QueryNode } from './query-ast.js';
import { tokenize } from './tokenize.js';
import type { Token } from './tokenize.js';

/** A word or phrase to mark in a snippet, in the index's folded form. */
export interface HighlightTerm {
  readonly tokens: readonly string[];
  /** The last token matches any word it begins. */
  readonly prefix: boolean;
}

export interface HighlightRange {
  /** UTF-16 offsets into the text, end exclusive. */
  readonly start: number;
  readonly end: number;
}

const collect = (node: QueryNode, negated: boolean, out: Map<string, HighlightTerm>): void => {
  switch (node.kind) {
    case 'text':
      // Words the query excludes never appear in a hit's text as matches, so they are not marked.
      if (!negated)
        out.set(`${node.tokens.join(' ')}${node.prefix ? '*' : ''}`, {
          tokens: node.tokens,
          prefix: node.prefix,
        });
      return;
    case 'not':
      collect(node.child, !negated, out);
      return;
    case 'and':
    case 'or':
      for (const child of node.children) collect(child, negated, out);
      return;
    default:
      return;
  }
};

/** The words and phrases of a query that a hit may contain: every text term not under NOT. */
export const extractHighlightTerms = (ast: QueryAst): HighlightTerm[] => {
  const out = new Map<string, HighlightTerm>();
  if (ast.kind !== 'all') collect(ast, false, out);
  return [...out.values()];
};

const matchLength = (tokens: readonly Token[], at: number, term: HighlightTerm): number => {
  const last = term.tokens.length - 1;
  for (let i = 0; i <= last; i++) {
    const got = tokens[at + i]?.text;
    const wanted = term.tokens[i] ?? '';
    if (got === undefined || !(i === last && term.prefix ? got.startsWith(wanted) : got === wanted))
      return 0;
  }
  return term.tokens.length;
};

/**
 * Where the terms occur in a text, as sorted, non-overlapping character ranges (so a snippet or
 * article view can wrap them, and the offsets point back into the stored text).
 */
export const findHighlightRanges = (
  text: string,
  terms: readonly HighlightTerm[],
): HighlightRange[] => {
  if (terms.length === 0) return [];
  const tokens = tokenize(text);
  const ranges: HighlightRange[] = [];
  for (let at = 0; at < tokens.length; at++) {
    const length = Math.max(0, ...terms.map((term) => matchLength(tokens, at, term)));
    const first = tokens[at];
    const lastToken = tokens[at + length - 1];
    if (length === 0 || first === undefined || lastToken === undefined) continue;
    const previous = ranges[ranges.length - 1];
    if (previous !== undefined && first.start <= previous.end)
      ranges[ranges.length - 1] = {
        start: previous.start,
        end: Math.max(previous.end, lastToken.end),
      };
    else ranges.push({ start: first.start, end: lastToken.end });
  }
  return ranges;
};
