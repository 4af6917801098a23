import type { HighlightRange, HighlightTerm } from '../search/index.js';
import { findHighlightRanges } from '../search/index.js';

export interface MarkedSnippet {
  /** The snippet with the store's [ ] match markers removed. */
  readonly text: string;
  /** Matched words as UTF-16 ranges into `text`, end exclusive. */
  readonly highlights: HighlightRange[];
}

const MARKED = /\[([^[\]]{1,300})\]/g;

/**
 * The store wraps matches in [ and ], but news text has brackets of its own ("[FICTIONAL
 * SAMPLE]", "[sic]"). A bracketed run counts as a marker only when the query's terms match
 * inside it, decided with the index's own tokenizer; other brackets stay as text. Clients get
 * plain text plus ranges, so they never have to guess.
 */
export const markSnippet = (snippet: string, terms: readonly HighlightTerm[]): MarkedSnippet => {
  // FTS5 marks a phrase as one run ("[Storm Shadow]"), but a snippet cut can split it, so each
  // word of a phrase also counts on its own.
  const words = terms.flatMap((term) =>
    term.tokens.length < 2
      ? [term]
      : term.tokens.map((token, i) => ({
          tokens: [token],
          prefix: term.prefix && i === term.tokens.length - 1,
        })),
  );
  const wanted = [...terms, ...words];
  let text = '';
  const highlights: HighlightRange[] = [];
  let last = 0;
  for (const match of snippet.matchAll(MARKED)) {
    const inner = match[1] ?? '';
    const ranges = findHighlightRanges(inner, wanted);
    if (ranges.length === 0) continue;
    text += snippet.slice(last, match.index);
    for (const range of ranges) {
      highlights.push({ start: text.length + range.start, end: text.length + range.end });
    }
    text += inner;
    last = match.index + match[0].length;
  }
  text += snippet.slice(last);
  return { text, highlights };
};
