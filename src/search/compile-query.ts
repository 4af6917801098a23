import type { Filter } from './filter.js';
import type { NotNode, QueryAst, QueryNode, TextNode } from './query-ast.js';

/** How one backend writes full-text expressions; the split into text and filters is shared. */
export interface TextSyntax {
  leaf(node: TextNode): string;
  and(parts: readonly string[]): string;
  or(parts: readonly string[]): string;
  /** `positive` without any of `negatives`. */
  andNot(positive: string, negatives: readonly string[]): string;
}

export interface CompiledQuery {
  /** The full-text condition all hits satisfy; absent when the query has no positive words. */
  readonly text?: string;
  readonly filters: Filter[];
}

const isNegatedText = (node: QueryNode, syntax: TextSyntax): node is NotNode =>
  node.kind === 'not' && textOnly(node.child, syntax) !== undefined;

/**
 * The node as one full-text expression, when that is possible: it holds only words, and every
 * NOT sits beside a positive word (full-text engines cannot list "everything but X" by themselves).
 */
const textOnly = (node: QueryNode, syntax: TextSyntax): string | undefined => {
  switch (node.kind) {
    case 'text':
      return syntax.leaf(node);
    case 'or': {
      const parts = node.children.map((child) => textOnly(child, syntax));
      return parts.every((part) => part !== undefined) ? syntax.or(parts as string[]) : undefined;
    }
    case 'and': {
      const split = splitConjuncts(node.children, syntax);
      return split.rest.length === 0 ? combine(split, syntax) : undefined;
    }
    default:
      return undefined;
  }
};

interface Conjuncts {
  readonly positives: string[];
  readonly negatives: string[];
  readonly rest: QueryNode[];
}

const splitConjuncts = (children: readonly QueryNode[], syntax: TextSyntax): Conjuncts => {
  const out: Conjuncts = { positives: [], negatives: [], rest: [] };
  for (const child of children) {
    const positive = textOnly(child, syntax);
    if (positive !== undefined) out.positives.push(positive);
    else if (isNegatedText(child, syntax)) out.negatives.push(textOnly(child.child, syntax) ?? '');
    else out.rest.push(child);
  }
  if (out.positives.length === 0) {
    // Without a positive word the negatives cannot be full text; they become NOT filters.
    out.rest.unshift(...children.filter((child) => isNegatedText(child, syntax)));
    out.negatives.length = 0;
  }
  return out;
};

const combine = (split: Conjuncts, syntax: TextSyntax): string | undefined => {
  if (split.positives.length === 0) return undefined;
  const positive =
    split.positives.length === 1 ? (split.positives[0] ?? '') : syntax.and(split.positives);
  return split.negatives.length === 0 ? positive : syntax.andNot(positive, split.negatives);
};

const toFilter = (node: QueryNode, syntax: TextSyntax): Filter => {
  const text = textOnly(node, syntax);
  if (text !== undefined) return { kind: 'text', query: text };
  switch (node.kind) {
    case 'field':
      return { kind: 'field', field: node.field, value: node.value };
    case 'date':
      return { kind: 'date', bound: node.bound, date: node.date };
    case 'not':
      return { kind: 'not', filter: toFilter(node.child, syntax) };
    case 'or': {
      const texts = node.children.flatMap((child) => textOnly(child, syntax) ?? []);
      const others = node.children.filter((child) => textOnly(child, syntax) === undefined);
      const filters = others.map((child) => toFilter(child, syntax));
      if (texts.length > 0)
        filters.unshift({
          kind: 'text',
          query: texts.length === 1 ? (texts[0] ?? '') : syntax.or(texts),
        });
      return { kind: 'or', filters };
    }
    case 'and': {
      const compiled = compileConjunction(node.children, syntax);
      const filters =
        compiled.text === undefined
          ? compiled.filters
          : [{ kind: 'text', query: compiled.text } as const, ...compiled.filters];
      return filters.length === 1 && filters[0] ? filters[0] : { kind: 'and', filters };
    }
    case 'text':
      return { kind: 'text', query: syntax.leaf(node) };
  }
};

const compileConjunction = (children: readonly QueryNode[], syntax: TextSyntax): CompiledQuery => {
  const split = splitConjuncts(children, syntax);
  const text = combine(split, syntax);
  const filters = split.rest.map((child) => toFilter(child, syntax));
  return text === undefined ? { filters } : { text, filters };
};

/** Splits a query into the part a full-text index answers and the filters around it. */
export const compileQuery = (ast: QueryAst, syntax: TextSyntax): CompiledQuery => {
  if (ast.kind === 'all') return { filters: [] };
  return compileConjunction(ast.kind === 'and' ? ast.children : [ast], syntax);
};
