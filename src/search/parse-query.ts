import type {
  DateNode,
  FilterField,
  QueryAst,
  QueryNode,
  QuerySyntaxError,
  TextNode,
} from './query-ast.js';
import { FILTER_FIELDS } from './query-ast.js';
import type { Lexeme } from './query-lexer.js';
import { lexQuery } from './query-lexer.js';
import { parseDateBound } from './date-bound.js';
import { queryCostProblem } from './query-cost.js';
import { tokenTexts } from './tokenize.js';
import type { Result } from '../core/result.js';
import { err, ok } from '../core/result.js';

/** Longer queries are refused rather than handed to a backend that would choke on them. */
export const MAX_QUERY_LENGTH = 4096;
/** Deeper nesting is refused so a hostile query cannot exhaust the stack. */
export const MAX_NESTING = 64;

class SyntaxFailure {
  constructor(readonly error: QuerySyntaxError) {}
}

const fail = (message: string, position: number): never => {
  throw new SyntaxFailure({ message, position });
};

const STARTS_TERM = new Set<Lexeme['type']>(['(', 'NOT', '-', 'text', 'field']);

const describeLexeme = (lexeme: Lexeme): string =>
  lexeme.type === 'text' || lexeme.type === 'field' ? 'a term' : lexeme.type;

class Parser {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly lexemes: readonly Lexeme[],
    private readonly inputLength: number,
  ) {}

  parseQuery(): QueryAst {
    if (this.lexemes.length === 0) return { kind: 'all' };
    const node = this.parseTopLevel();
    const rest = this.peek();
    if (rest !== undefined) {
      if (rest.type === ')')
        fail(`unmatched closing parenthesis at ${rest.position}`, rest.position);
      fail(`unexpected ${describeLexeme(rest)} at ${rest.position}`, rest.position);
    }
    return node;
  }

  private peek(): Lexeme | undefined {
    return this.lexemes[this.index];
  }

  private next(): Lexeme | undefined {
    return this.lexemes[this.index++];
  }

  private expectTermAfter(operator: Lexeme): void {
    const next = this.peek();
    if (next === undefined || !STARTS_TERM.has(next.type)) {
      const name = operator.type === '-' ? '-' : operator.type;
      fail(`expected a term after ${name} at ${operator.position}`, operator.position);
    }
  }

  /**
   * The query outside any parentheses: a sequence of units (a term, possibly negated, or a group)
   * joined by AND, OR or nothing. Units made only of filters apply to the whole query, as in web
   * search (see hoistFilters); the rest keep the usual precedence among themselves.
   */
  private parseTopLevel(): QueryNode {
    const units: QueryNode[] = [this.parseUnary()];
    const joins: Join[] = [];
    for (let lexeme = this.peek(); lexeme !== undefined; lexeme = this.peek()) {
      if (lexeme.type === 'AND' || lexeme.type === 'OR') {
        this.next();
        this.expectTermAfter(lexeme);
        joins.push(lexeme.type);
      } else if (STARTS_TERM.has(lexeme.type)) joins.push('AND');
      else break;
      units.push(this.parseUnary());
    }
    return hoistFilters(units, joins);
  }

  private parseOr(): QueryNode {
    const children = [this.parseAnd()];
    for (let lexeme = this.peek(); lexeme?.type === 'OR'; lexeme = this.peek()) {
      this.next();
      this.expectTermAfter(lexeme);
      children.push(this.parseAnd());
    }
    return children.length === 1 && children[0]
      ? children[0]
      : { kind: 'or', children: flatten('or', children) };
  }

  private parseAnd(): QueryNode {
    const children = [this.parseUnary()];
    for (let lexeme = this.peek(); lexeme !== undefined; lexeme = this.peek()) {
      if (lexeme.type === 'AND') {
        this.next();
        this.expectTermAfter(lexeme);
      } else if (!STARTS_TERM.has(lexeme.type)) break;
      children.push(this.parseUnary());
    }
    return children.length === 1 && children[0]
      ? children[0]
      : { kind: 'and', children: flatten('and', children) };
  }

  private parseUnary(): QueryNode {
    const lexeme = this.peek();
    if (lexeme?.type === 'NOT' || lexeme?.type === '-') {
      this.next();
      this.expectTermAfter(lexeme);
      this.enter(lexeme.position);
      const child = this.parseUnary();
      this.depth--;
      return { kind: 'not', child, position: lexeme.position };
    }
    return this.parsePrimary();
  }

  private enter(position: number): void {
    if (++this.depth > MAX_NESTING)
      fail(`query nested more than ${MAX_NESTING} levels deep at ${position}`, position);
  }

  private parsePrimary(): QueryNode {
    const lexeme = this.next();
    if (lexeme === undefined)
      return fail(`expected a term at ${this.inputLength}`, this.inputLength);
    switch (lexeme.type) {
      case '(': {
        if (this.peek()?.type === ')')
          fail(`empty parentheses at ${lexeme.position}`, lexeme.position);
        this.enter(lexeme.position);
        const inner = this.parseOr();
        this.depth--;
        const close = this.next();
        if (close?.type !== ')') {
          if (close === undefined)
            fail(`unclosed parenthesis starting at ${lexeme.position}`, lexeme.position);
          else fail(`unexpected ${describeLexeme(close)} at ${close.position}`, close.position);
        }
        return inner;
      }
      case 'text':
        return {
          kind: 'text',
          tokens: lexeme.tokens,
          prefix: lexeme.prefix,
          quoted: lexeme.quoted,
          raw: lexeme.raw,
          position: lexeme.position,
        };
      case 'field':
        return fieldNode(lexeme);
      case ')':
        return fail(`unmatched closing parenthesis at ${lexeme.position}`, lexeme.position);
      default:
        return fail(`expected a term before ${lexeme.type} at ${lexeme.position}`, lexeme.position);
    }
  }
}

const flatten = (kind: 'and' | 'or', children: readonly QueryNode[]): QueryNode[] =>
  children.flatMap((child) => (child.kind === kind ? child.children : [child]));

type Join = 'AND' | 'OR';

/** Conditions on metadata only (source:, lang:, entity:, type:, country:, after:, before:). */
const isFilterOnly = (node: QueryNode): boolean => {
  switch (node.kind) {
    case 'field':
    case 'date':
      return true;
    case 'text':
      return false;
    case 'not':
      return isFilterOnly(node.child);
    case 'and':
    case 'or':
      return node.children.every(isFilterOnly);
  }
};

/** Units joined by their operators, NOT/AND binding tighter than OR. */
const combineUnits = (units: readonly QueryNode[], joins: readonly Join[]): QueryNode => {
  const alternatives: QueryNode[][] = [[]];
  units.forEach((unit, index) => {
    if (index > 0 && joins[index - 1] === 'OR') alternatives.push([]);
    alternatives[alternatives.length - 1]?.push(unit);
  });
  const conjunctions = alternatives.map((parts): QueryNode =>
    parts.length === 1 && parts[0] ? parts[0] : { kind: 'and', children: flatten('and', parts) },
  );
  return conjunctions.length === 1 && conjunctions[0]
    ? conjunctions[0]
    : { kind: 'or', children: flatten('or', conjunctions) };
};

/**
 * Web-search meaning of filters: `HIMARS OR "Storm Shadow" after:2025-06` is
 * `(HIMARS OR "Storm Shadow") AND after:2025-06`. Each run of adjacent filter units at the top
 * level keeps its own operators (`lang:de OR lang:ru`) and is ANDed with the rest; the words keep
 * theirs, an OR beside a removed run joining its neighbours. A filter inside parentheses with
 * words stays where it is written: `(nato OR source:tass)` is either.
 */
const hoistFilters = (units: readonly QueryNode[], joins: readonly Join[]): QueryNode => {
  const filtered = units.map(isFilterOnly);
  if (filtered.every((isFilter) => !isFilter) || filtered.every((isFilter) => isFilter))
    return combineUnits(units, joins);
  const textUnits: QueryNode[] = [];
  const textJoins: Join[] = [];
  const filterRuns: QueryNode[] = [];
  let runUnits: QueryNode[] = [];
  let runJoins: Join[] = [];
  const closeRun = (): void => {
    if (runUnits.length > 0) filterRuns.push(combineUnits(runUnits, runJoins));
    runUnits = [];
    runJoins = [];
  };
  // An OR on either side of a removed run joins the words around it: `a OR source:x b` is a OR b.
  let orAroundRun = false;
  units.forEach((unit, index) => {
    const joinBefore = index > 0 ? joins[index - 1] : undefined;
    if (filtered[index]) {
      if (runUnits.length > 0 && joinBefore) runJoins.push(joinBefore);
      else orAroundRun = joinBefore === 'OR';
      runUnits.push(unit);
      return;
    }
    const afterRun = runUnits.length > 0;
    closeRun();
    if (textUnits.length > 0)
      textJoins.push(afterRun && orAroundRun ? 'OR' : (joinBefore ?? 'AND'));
    orAroundRun = false;
    textUnits.push(unit);
  });
  closeRun();
  const text = combineUnits(textUnits, textJoins);
  return { kind: 'and', children: flatten('and', [text, ...filterRuns]) };
};

const fieldNode = (lexeme: Extract<Lexeme, { type: 'field' }>): QueryNode => {
  const { name, raw, position } = lexeme;
  if (name === 'title') {
    const tokens = tokenTexts(raw);
    if (tokens.length === 0)
      fail(`title: needs a word with letters or digits at ${position}`, position);
    const node: TextNode = {
      kind: 'text',
      tokens,
      prefix: lexeme.prefix,
      quoted: lexeme.quoted,
      field: 'title',
      raw,
      position,
    };
    return node;
  }
  if (lexeme.prefix)
    fail(`prefix * works only on words and title:, not on ${name}: at ${position}`, position);
  if (name === 'after' || name === 'before') {
    const bound = parseDateBound(raw);
    if (!bound.ok)
      return fail(
        `invalid date for ${name}: at ${position}: ${bound.error}; write YYYY, YYYY-MM or YYYY-MM-DD`,
        position,
      );
    const node: DateNode = { kind: 'date', bound: name, ...bound.value, raw, position };
    return node;
  }
  const value = raw.trim().replace(/\s+/gu, ' ').toLowerCase();
  if (value === '') fail(`expected a value after ${name}: at ${position}`, position);
  const field = FILTER_FIELDS.find((known) => known === name);
  if (field === undefined) return fail(`unknown field '${name}' at ${position}`, position);
  return { kind: 'field', field: field satisfies FilterField, value, position };
};

/**
 * Parses the sitrep query language (see query-language.md). Never throws: every problem comes
 * back as a message naming the 0-based position it was found at.
 */
export const parseQuery = (input: string): Result<QueryAst, QuerySyntaxError> => {
  if (input.length > MAX_QUERY_LENGTH) {
    return err({
      message: `query is too long (${input.length} characters; at most ${MAX_QUERY_LENGTH}) at ${MAX_QUERY_LENGTH}`,
      position: MAX_QUERY_LENGTH,
    });
  }
  const lexemes = lexQuery(input);
  if (!lexemes.ok) return lexemes;
  try {
    const ast = new Parser(lexemes.value, input.length).parseQuery();
    const tooCostly = ast.kind === 'all' ? undefined : queryCostProblem(ast);
    // Reported at position 0: the whole query is the problem, not one place in it.
    if (tooCostly !== undefined) return err({ message: tooCostly, position: 0 });
    return ok(ast);
  } catch (failure) {
    if (failure instanceof SyntaxFailure) return err(failure.error);
    throw failure;
  }
};
