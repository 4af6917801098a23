import type { FieldNode, QueryAst, QueryNode, TextNode } from './query-ast.js';

const describeText = (node: TextNode): string => {
  const shown = `"${node.raw.trim()}"`;
  const what = node.prefix
    ? `${node.tokens.length > 1 ? 'a phrase' : 'a word'} starting with ${shown}`
    : node.tokens.length > 1
      ? `the phrase ${shown}`
      : shown;
  return node.field === 'title' ? `${what} in the title` : what;
};

const describeField = (node: FieldNode): string => {
  const value = `"${node.value}"`;
  switch (node.field) {
    case 'source':
      return `source is ${value}`;
    case 'lang':
      return `language is ${value}`;
    case 'entity':
      return `mentions ${value}`;
    case 'type':
      return `mentions an entity of type ${value}`;
    case 'country':
      return `concerns country ${value}`;
  }
};

const describeNode = (node: QueryNode, nested: boolean): string => {
  switch (node.kind) {
    case 'text':
      return describeText(node);
    case 'field':
      return describeField(node);
    case 'date':
      return node.bound === 'after'
        ? `published on or after ${node.date}`
        : `published before ${node.date}`;
    case 'not':
      return `not ${describeNode(node.child, true)}`;
    case 'and':
    case 'or': {
      const joined = node.children.map((child) => describeNode(child, true)).join(` ${node.kind} `);
      return nested ? `(${joined})` : joined;
    }
  }
};

/** A plain-English echo of how a query was understood, for the UI and CLI ("did it read my OR?"). */
export const describeQuery = (ast: QueryAst): string =>
  ast.kind === 'all' ? 'all articles' : describeNode(ast, false);
