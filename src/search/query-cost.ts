import type { QueryNode } from './query-ast.js';

/**
 * Bounds on what one query may ask of a full-text index, checked before it runs. A thousand
 * `a*` terms or eight hundred ORed words froze a server for minutes (issue 16): each prefix
 * merges every matching term's posting list, each OR operand walks its own. Real analyst
 * queries (a few dozen names ORed, a handful of prefixes) stay far below these.
 */
export const QUERY_COST_LIMITS = {
  /** Words, phrases and prefixes, negated ones included. */
  terms: 128,
  /** `word*` terms. */
  prefixes: 16,
  /** Prefixes this short match most of the vocabulary; few are allowed. */
  shortPrefixes: 2,
  shortPrefixLength: 2,
  /** Operands of one OR. */
  orWidth: 100,
} as const;

export interface QueryCost {
  readonly terms: number;
  readonly prefixes: number;
  readonly shortPrefixes: number;
  readonly orWidth: number;
}

/** Counts a query's terms without recursion (depth is bounded by the parser, but stay safe). */
export const measureQueryCost = (root: QueryNode): QueryCost => {
  let terms = 0;
  let prefixes = 0;
  let shortPrefixes = 0;
  let orWidth = 0;
  const stack: QueryNode[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    switch (node.kind) {
      case 'text': {
        terms++;
        if (node.prefix) {
          prefixes++;
          const last = node.tokens[node.tokens.length - 1] ?? '';
          if (last.length <= QUERY_COST_LIMITS.shortPrefixLength) shortPrefixes++;
        }
        break;
      }
      case 'not':
        stack.push(node.child);
        break;
      case 'or':
        orWidth = Math.max(orWidth, node.children.length);
        stack.push(...node.children);
        break;
      case 'and':
        stack.push(...node.children);
        break;
      default:
        break;
    }
  }
  return { terms, prefixes, shortPrefixes, orWidth };
};

/** Why a query is too costly to run, or undefined when it is within every bound. */
export const queryCostProblem = (root: QueryNode): string | undefined => {
  const cost = measureQueryCost(root);
  const limits = QUERY_COST_LIMITS;
  if (cost.terms > limits.terms)
    return `query has ${cost.terms} words, phrases and prefixes; at most ${limits.terms} are allowed`;
  if (cost.prefixes > limits.prefixes)
    return `query has ${cost.prefixes} prefix terms (word*); at most ${limits.prefixes} are allowed`;
  if (cost.shortPrefixes > limits.shortPrefixes)
    return `query has ${cost.shortPrefixes} prefixes of ${limits.shortPrefixLength} letters or fewer (like a*); at most ${limits.shortPrefixes} are allowed: write longer prefixes`;
  if (cost.orWidth > limits.orWidth)
    return `query ORs ${cost.orWidth} terms together; at most ${limits.orWidth} are allowed`;
  return undefined;
};
