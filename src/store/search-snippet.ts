import { findHighlightRanges, tokenize, type HighlightTerm } from '../search/index.js';

/** Tokens in a snippet, as FTS5's snippet(…, 16) shows, so both backends give similar lengths. */
const SNIPPET_TOKENS = 16;
/** Tokens kept before the first match, so it is read in context. */
const LEAD_TOKENS = 3;

/**
 * A short window of the text around the first match, matches wrapped in [ and ] as FTS5's
 * snippet() marks them, "…" where the text was cut; both stores use it for the page's hits.
 * Built with the search tokenizer so it marks exactly what the index matched (PostgreSQL's
 * ts_headline would re-parse the text its own way), and made in memory because FTS5's snippet()
 * re-runs the query for each hit, which for a prefix merges every expansion's doclist again.
 */
export const snippetFor = (text: string, terms: readonly HighlightTerm[]): string => {
  const tokens = tokenize(text);
  if (tokens.length === 0) return '';
  const ranges = findHighlightRanges(text, terms);
  const firstMatch = ranges[0] ? tokens.findIndex((t) => t.end > ranges[0]!.start) : 0;
  const startToken = Math.max(
    0,
    Math.min(firstMatch - LEAD_TOKENS, tokens.length - SNIPPET_TOKENS),
  );
  const endToken = Math.min(tokens.length, startToken + SNIPPET_TOKENS) - 1;
  const from = startToken === 0 ? 0 : tokens[startToken]!.start;
  const to = endToken === tokens.length - 1 ? text.length : tokens[endToken]!.end;
  let out = '';
  let at = from;
  for (const range of ranges) {
    if (range.end <= from || range.start >= to) continue;
    const start = Math.max(range.start, from);
    const end = Math.min(range.end, to);
    out += `${text.slice(at, start)}[${text.slice(start, end)}]`;
    at = end;
  }
  out += text.slice(at, to);
  return `${from > 0 ? '…' : ''}${out.trim()}${to < text.length ? '…' : ''}`;
};
